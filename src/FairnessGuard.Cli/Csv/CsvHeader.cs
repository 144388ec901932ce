namespace FairnessGuard.Cli.Csv;

/// <summary>
/// The header line of a prediction CSV: its delimiter (the most frequent of <c>,</c> <c>;</c> tab <c>|</c>
/// outside quotes), its column names (decoded strictly, a name twice refused) and the lookup of a named column.
/// </summary>
internal static class CsvHeader
{
    private static readonly byte[] Candidates = [(byte)',', (byte)';', (byte)'\t', (byte)'|'];

    /// <summary>The delimiter and the column names of a header line (without its line break).</summary>
    /// <exception cref="CsvInputException">Malformed quoting, invalid text or a name given twice.</exception>
    public static (string[] Names, byte Delimiter) Parse(string path, byte[] raw, InputEncoding encoding)
    {
        var delimiter = DetectDelimiter(raw);
        var names = Split(path, raw, delimiter, encoding);
        var duplicate = names.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CsvInputException(path, 1, 0, null, $"the header names column '{TextCap.Echo(duplicate.Key)}' more than once; rename one");
        }

        return (names, delimiter);
    }

    /// <summary>
    /// The index of column <paramref name="name"/>: the exact name, else the one name equal to it ignoring case;
    /// else an error listing the names with a "did you mean".
    /// </summary>
    /// <param name="path">The file, for the error.</param>
    /// <param name="names">The column names.</param>
    /// <param name="name">The name asked for.</param>
    /// <param name="container">What holds the names, for the error ("header", "schema").</param>
    public static int ColumnIndex(string path, IReadOnlyList<string> names, string name, string container = "header")
    {
        var folded = -1;
        var foldedCount = 0;
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }

            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                folded = foldedCount++ == 0 ? i : folded;
            }
        }

        if (foldedCount == 1)
        {
            return folded;
        }

        var suggestion = TextCap.Closest(name, names);
        var hint = suggestion is null ? string.Empty : $"; did you mean '{TextCap.Echo(suggestion)}'?";
        throw new CsvInputException(path, container == "header" ? 1 : 0, 0, null, $"no column '{TextCap.Echo(name)}'; the {container} has: {TextCap.Echo(string.Join(", ", names))}{hint}");
    }

    private static byte DetectDelimiter(ReadOnlySpan<byte> header)
    {
        Span<int> counts = stackalloc int[Candidates.Length];
        var inQuotes = false;
        foreach (var b in header)
        {
            if (b == (byte)'"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                var i = Array.IndexOf(Candidates, b);
                if (i >= 0)
                {
                    counts[i]++;
                }
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            best = counts[i] > counts[best] ? i : best;
        }

        return Candidates[best];
    }

    private static string[] Split(string path, byte[] raw, byte delimiter, InputEncoding encoding)
    {
        var names = new List<string>();
        var start = 0;
        var inQuotes = false;
        for (var i = 0; i <= raw.Length; i++)
        {
            if (i < raw.Length && raw[i] == (byte)'"')
            {
                inQuotes = !inQuotes;
                continue;
            }

            if (i == raw.Length || (raw[i] == delimiter && !inQuotes))
            {
                var bytes = raw.AsSpan(start, i - start);
                var field = new CapturedField(names.Count, string.Empty);
                if (bytes.Length >= 2 && bytes[0] == (byte)'"' && bytes[^1] == (byte)'"')
                {
                    field.Set(bytes[1..^1], start + 1, quoted: true);
                }
                else if (bytes.Contains((byte)'"'))
                {
                    throw new CsvInputException(path, 1, names.Count + 1, null, "malformed quoting in the header");
                }
                else
                {
                    field.Set(bytes, start, quoted: false);
                }

                names.Add(StrictText.Decode(field, encoding, path, 1).Trim());
                start = i + 1;
            }
        }

        return [.. names];
    }
}
