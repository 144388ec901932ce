using System.Collections.Generic;

namespace FairnessGuard.Analyzers.Naming;

/// <summary>
/// Splits identifiers and column names into lower-case words: <c>ApplicantRace</c> → applicant, race;
/// <c>marital_status</c> → marital, status; <c>HTTPServer2</c> → http, server, 2. Matching on whole words is
/// what keeps <c>Average</c>, <c>Usage</c> and <c>Page</c> from matching "age".
/// </summary>
internal static class IdentifierTokens
{
    public static string[] Split(string identifier)
    {
        var tokens = new List<string>(4);
        if (string.IsNullOrEmpty(identifier))
        {
            return tokens.ToArray();
        }

        var start = -1;
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(identifier, ref start, i, tokens);
                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = identifier[i - 1];
            var boundary =
                (char.IsUpper(c) && char.IsLower(previous)) ||
                (char.IsDigit(c) != char.IsDigit(previous)) ||
                (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]));
            if (boundary)
            {
                Flush(identifier, ref start, i, tokens);
                start = i;
            }
        }

        Flush(identifier, ref start, identifier.Length, tokens);
        return tokens.ToArray();
    }

    private static void Flush(string identifier, ref int start, int end, List<string> tokens)
    {
        if (start >= 0 && end > start)
        {
            tokens.Add(identifier.Substring(start, end - start).ToLowerInvariant());
        }

        start = -1;
    }
}
