using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FairnessGuard.Analyzers.Model;

/// <summary>Text-first searches of a syntax node: the source text is scanned, and only a hit is confirmed on the tree.</summary>
internal static class SyntaxSearch
{
    private const int ChunkLength = 4096;

    /// <summary>The compiler reads a file of up to 40 K characters into one string (a longer one into chunks).</summary>
    private const int WholeTextLength = 40 * 1024;

    [ThreadStatic]
    private static char[]? _chunkBuffer;

    /// <summary>
    /// Whether an identifier token with exactly this text occurs in <paramref name="scope"/>. Comments, string
    /// contents and longer identifiers (<c>ParityGuardOptions</c>) do not count. No red nodes are built for
    /// the scope: the text is searched and a match is confirmed with one <c>FindToken</c>.
    /// </summary>
    public static bool HasIdentifier(SyntaxNode scope, string identifier) =>
        Scan(scope, scope.SyntaxTree.GetText(), scope.Span, new[] { identifier }, found: null, CancellationToken.None);

    /// <summary>
    /// Every identifier token in <paramref name="tree"/> whose text is one of <paramref name="identifiers"/>,
    /// found the same way.
    /// </summary>
    public static void FindIdentifiers(SyntaxTree tree, string[] identifiers, List<SyntaxToken> found, CancellationToken token)
    {
        var text = tree.GetText(token);
        Scan(tree.GetRoot(token), text, new TextSpan(0, text.Length), identifiers, found, token);
    }

    /// <summary>
    /// The one scan: searches <paramref name="span"/> of the text for each name with the runtime's vectorized
    /// <c>IndexOf</c>, confirms each match on the tree, and adds it to <paramref name="found"/> in text order or,
    /// without a list, stops at the first. A text of up to <see cref="WholeTextLength"/> characters is read
    /// whole: the compiler holds such a file as one string, which <c>ToString()</c> returns without a copy. A
    /// longer text is copied at most 4,096 characters at a time into a buffer kept per thread (chunks overlap by
    /// the longest name, so a name across a chunk edge is seen once).
    /// </summary>
    private static bool Scan(SyntaxNode root, SourceText text, TextSpan span, string[] identifiers, List<SyntaxToken>? found, CancellationToken token)
    {
        var longest = 1;
        foreach (var identifier in identifiers)
        {
            longest = Math.Max(longest, identifier.Length);
        }

        var before = found?.Count ?? 0;
        if (text.Length <= WholeTextLength)
        {
            token.ThrowIfCancellationRequested();
            var whole = text.ToString();
            if (SearchChunk(root, whole.AsSpan(span.Start, span.Length), span.Start, span.Length, last: true, identifiers, found))
            {
                return true;
            }
        }
        else
        {
            var length = Math.Max(ChunkLength, longest * 2);
            var buffer = _chunkBuffer is { } kept && kept.Length >= length ? kept : _chunkBuffer = new char[length];
            var step = length - longest + 1;
            for (var start = span.Start; start < span.End; start += step)
            {
                token.ThrowIfCancellationRequested();
                var count = Math.Min(length, span.End - start);
                var last = start + count >= span.End;
                text.CopyTo(start, buffer, 0, count);
                if (SearchChunk(root, new ReadOnlySpan<char>(buffer, 0, count), start, step, last, identifiers, found))
                {
                    return true;
                }

                if (last)
                {
                    break;
                }
            }
        }

        if (found is null || found.Count == before)
        {
            return false;
        }

        if (identifiers.Length > 1)
        {
            found.Sort(before, found.Count - before, TokenPositionComparer.Instance);
        }

        return true;
    }

    /// <summary>
    /// Searches one chunk that starts at text position <paramref name="start"/>. A match starting at or after
    /// <paramref name="step"/> lies in the next chunk's overlap and is seen there (unless this is the last chunk).
    /// True only when there is no list and a match is confirmed (the search can stop).
    /// </summary>
    private static bool SearchChunk(SyntaxNode root, ReadOnlySpan<char> chunk, int start, int step, bool last, string[] identifiers, List<SyntaxToken>? found)
    {
        foreach (var identifier in identifiers)
        {
            for (var from = 0; from < chunk.Length;)
            {
                var at = chunk.Slice(from).IndexOf(identifier.AsSpan(), StringComparison.Ordinal);
                if (at < 0 || (from + at >= step && !last))
                {
                    break;
                }

                var position = start + from + at;
                if (IsIdentifierAt(root, position, identifier))
                {
                    if (found is null)
                    {
                        return true;
                    }

                    found.Add(root.FindToken(position));
                }

                from += at + 1;
            }
        }

        return false;
    }

    private static bool IsIdentifierAt(SyntaxNode scope, int position, string identifier)
    {
        var token = scope.FindToken(position);
        return token.SpanStart == position && token.Span.Length == identifier.Length && token.ValueText == identifier;
    }

    private sealed class TokenPositionComparer : IComparer<SyntaxToken>
    {
        public static readonly TokenPositionComparer Instance = new();

        public int Compare(SyntaxToken x, SyntaxToken y) => x.SpanStart.CompareTo(y.SpanStart);
    }
}
