using System;
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
