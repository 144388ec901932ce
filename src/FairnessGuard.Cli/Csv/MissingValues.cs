namespace FairnessGuard.Cli.Csv;

/// <summary>The missing-value markers of prediction files: empty, <c>NA</c> and <c>?</c> (R and UCI conventions).</summary>
internal static class MissingValues
{
    /// <summary>Whether a raw field means "no value".</summary>
    public static bool IsMissing(string field) => IsMissing(System.Text.Encoding.UTF8.GetBytes(field));

    /// <summary>Whether a raw field's bytes mean "no value" (blanks around it ignored).</summary>
    public static bool IsMissing(ReadOnlySpan<byte> field)
    {
        var s = field.Trim((byte)' ').Trim((byte)'\t');
        return s.IsEmpty || (s.Length == 2 && (s[0] | 0x20) == 'n' && (s[1] | 0x20) == 'a') || (s.Length == 1 && s[0] == (byte)'?');
    }
}
