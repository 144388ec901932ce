namespace FairnessGuard.Cli.Csv;

/// <summary>Where a file may be cut for parallel reading: the byte after a line break, found by a short probe read.</summary>
internal static class LineStarts
{
    private const int ProbeBytes = 1 << 12;

    /// <summary>
    /// The position just after the first line break at or after <paramref name="at"/>, searching at most
    /// <paramref name="buffer"/>'s length of bytes, 4 KB at a time; −1 when there is none within it.
    /// </summary>
    public static long After(FileStream probe, long at, byte[] buffer)
    {
        probe.Position = at;
        var read = 0;
        while (read < buffer.Length)
        {
            var got = probe.Read(buffer, read, Math.Min(ProbeBytes, buffer.Length - read));
            if (got == 0)
            {
                return -1;
            }

            var newLine = buffer.AsSpan(read, got).IndexOf((byte)'\n');
            if (newLine >= 0)
            {
                return at + read + newLine + 1;
            }

            read += got;
        }

        return -1;
    }
}
