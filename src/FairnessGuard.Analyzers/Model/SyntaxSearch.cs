using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

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
    public static bool HasIdentifier(SyntaxNode scope, string identifier)
    {
        var text = scope.SyntaxTree.GetText();
        var span = scope.Span;
        var buffer = new char[Math.Max(ChunkLength, identifier.Length * 2)];
        var step = buffer.Length - identifier.Length + 1;
        for (var start = span.Start; start < span.End; start += step)
        {
            var count = Math.Min(buffer.Length, span.End - start);
            text.CopyTo(start, buffer, 0, count);
            for (var i = 0; i + identifier.Length <= count; i++)
            {
                if (Matches(buffer, i, identifier) && IsIdentifierAt(scope, start + i, identifier))
                {
                    return true;
                }
            }

            if (start + count >= span.End)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>
    /// Every identifier token in <paramref name="tree"/> whose text is one of <paramref name="identifiers"/>,
    /// found the same way: the text is scanned in chunks and each match is confirmed with one <c>FindToken</c>.
    /// </summary>
    public static void FindIdentifiers(SyntaxTree tree, string[] identifiers, List<SyntaxToken> found, CancellationToken token)
    {
        var text = tree.GetText(token);
        var root = tree.GetRoot(token);
        var longest = 1;
        foreach (var identifier in identifiers)
        {
            longest = Math.Max(longest, identifier.Length);
        }

        var buffer = new char[Math.Max(ChunkLength, longest * 2)];
        var step = buffer.Length - longest + 1;
        for (var start = 0; start < text.Length; start += step)
        {
            token.ThrowIfCancellationRequested();
            var count = Math.Min(buffer.Length, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            for (var i = 0; i < count && (i < step || start + count >= text.Length); i++)
            {
                foreach (var identifier in identifiers)
                {
                    if (buffer[i] == identifier[0] && i + identifier.Length <= count && Matches(buffer, i, identifier) && IsIdentifierAt(root, start + i, identifier))
                    {
                        found.Add(root.FindToken(start + i));
                    }
                }
            }

            if (start + count >= text.Length)
            {
                break;
            }
        }
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
