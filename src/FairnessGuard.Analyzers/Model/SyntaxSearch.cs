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
    /// The one chunked scan: copies <paramref name="span"/> of the text 4,096 characters at a time (chunks
    /// overlap by the longest name, so a name across a chunk edge is seen once), confirms each match on the
    /// tree, and adds it to <paramref name="found"/> or, without a list, stops at the first.
    /// </summary>
    private static bool Scan(SyntaxNode root, SourceText text, TextSpan span, string[] identifiers, List<SyntaxToken>? found, CancellationToken token)
    {
        var longest = 1;
        foreach (var identifier in identifiers)
        {
            longest = Math.Max(longest, identifier.Length);
        }

        var any = false;
        var buffer = new char[Math.Max(ChunkLength, longest * 2)];
        var step = buffer.Length - longest + 1;
        for (var start = span.Start; start < span.End; start += step)
        {
            token.ThrowIfCancellationRequested();
            var count = Math.Min(buffer.Length, span.End - start);
            var last = start + count >= span.End;
            text.CopyTo(start, buffer, 0, count);
            for (var i = 0; i < count && (i < step || last); i++)
            {
                foreach (var identifier in identifiers)
                {
                    if (buffer[i] == identifier[0] && i + identifier.Length <= count && Matches(buffer, i, identifier) && IsIdentifierAt(root, start + i, identifier))
                    {
                        if (found is null)
                        {
                            return true;
                        }

                        found.Add(root.FindToken(start + i));
                        any = true;
                    }
                }
            }

            if (last)
            {
                break;
            }
        }

        return any;
    }

    private static bool Matches(char[] buffer, int offset, string identifier)
    {
        for (var j = 0; j < identifier.Length; j++)
        {
            if (buffer[offset + j] != identifier[j])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifierAt(SyntaxNode scope, int position, string identifier)
    {
        var token = scope.FindToken(position);
        return token.SpanStart == position && token.Span.Length == identifier.Length && token.ValueText == identifier;
    }
}
