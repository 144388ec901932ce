using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace FairnessGuard.Analyzers.Tests.Harness;

/// <summary>An expected diagnostic: its rule ID and where it must be reported.</summary>
internal readonly record struct ExpectedDiagnostic(string Id, string File, TextSpan Span);

/// <summary>
/// Parses test markup: <c>[|code|]</c> expects the test's default rule on that span, <c>{|FG0002:code|}</c>
/// a given rule. Markers may nest. Returns the source without markers.
/// </summary>
internal static class Markup
{
    public static (string Source, List<(string? Id, TextSpan Span)> Spans) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var open = new Stack<(string? Id, int Start)>();
        var spans = new List<(string? Id, TextSpan Span)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push((null, source.Length));
                i++;
            }
            else if (Starts(markup, i, "{|") && markup.IndexOf(':', i) is var colon and > 0 && IsId(markup, i + 2, colon))
            {
                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                i = colon;
            }
            else if (open.Count > 0 && (Starts(markup, i, "|]") || Starts(markup, i, "|}")))
            {
                var (id, start) = open.Pop();
                spans.Add((id, TextSpan.FromBounds(start, source.Length)));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new ArgumentException("Unclosed markup span in test source.");
        }

        return (source.ToString(), spans);
    }

    private static bool Starts(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    private static bool IsId(string text, int start, int end) =>
        end - start is > 0 and <= 12 && text.Substring(start, end - start).All(char.IsLetterOrDigit);
}
