namespace FairnessGuard.Cli.Csv;

/// <summary>What an error message may echo of the input: at most <see cref="MaxEcho"/> characters, and name suggestions.</summary>
internal static class TextCap
{
    /// <summary>The most characters of input an error message repeats.</summary>
    public const int MaxEcho = 200;

    /// <summary>The first <see cref="MaxEcho"/> characters of <paramref name="text"/>, with the count of the rest when cut.</summary>
    public static string Echo(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxEcho ? text : $"{text[..MaxEcho]}… ({text.Length - MaxEcho:N0} more characters)";
    }

    /// <summary>The candidate closest to <paramref name="name"/> (case-insensitive edit distance at most a third of its length, at least 2), or null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var a = name.ToUpperInvariant();
        foreach (var candidate in candidates)
        {
            if (candidate.Length > 256 || a.Length > 256)
            {
                continue;
            }

            var d = Distance(a, candidate.ToUpperInvariant());
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
