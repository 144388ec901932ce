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

    /// <summary>
    /// Whether an identifier token with exactly this text occurs in <paramref name="scope"/>. Comments, string
    /// contents and longer identifiers (<c>ParityGuardOptions</c>) do not count. No red nodes are built for
    /// the scope: the text is copied in chunks and a match is confirmed with one <c>FindToken</c>.
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
    /// The one chunked scan: copies <paramref name="span"/> of the text at most 4,096 characters at a time
    /// (chunks overlap by the longest name, so a name across a chunk edge is seen once), searches each chunk for
    /// each name with the runtime's vectorized <c>IndexOf</c>, confirms each match on the tree, and adds it to
    /// <paramref name="found"/> in text order or, without a list, stops at the first.
    /// </summary>
    private static bool Scan(SyntaxNode root, SourceText text, TextSpan span, string[] identifiers, List<SyntaxToken>? found, CancellationToken token)
    {
        var longest = 1;
        foreach (var identifier in identifiers)
        {
            longest = Math.Max(longest, identifier.Length);
        }

        var before = found?.Count ?? 0;
        var buffer = new char[Math.Max(Math.Min(ChunkLength, span.Length), longest * 2)];
        var step = buffer.Length - longest + 1;
        for (var start = span.Start; start < span.End; start += step)
        {
            token.ThrowIfCancellationRequested();
            var count = Math.Min(buffer.Length, span.End - start);
            var last = start + count >= span.End;
            text.CopyTo(start, buffer, 0, count);
            var chunk = new ReadOnlySpan<char>(buffer, 0, count);
            foreach (var identifier in identifiers)
            {
                // A match starting at or after `step` lies in the next chunk's overlap and is seen there.
                for (var from = 0; from < count;)
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

            if (last)
            {
                break;
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
