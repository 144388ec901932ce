namespace FairnessGuard.Cli.Csv;

/// <summary>Whether two paths name the same file, through symbolic links (of the file or of any folder above it); hard links are not detected.</summary>
internal static class SamePath
{
    /// <summary>Throws exit-code-2 input errors when <paramref name="output"/> is, or links to, any of <paramref name="inputs"/>.</summary>
    public static void Refuse(string optionName, string? output, params string?[] inputs)
    {
        if (output is null)
        {
            return;
        }

        foreach (var input in inputs)
        {
            if (input is not null && Same(output, input))
            {
                throw new CsvInputException($"{optionName} '{TextCap.Echo(output)}' is the input file '{TextCap.Echo(input)}' (or a link to it); writing it would destroy the input. Choose another path.");
            }
        }
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> resolve to the same file.</summary>
    public static bool Same(string a, string b)
    {
        var ra = Resolve(a);
        var rb = Resolve(b);
        return string.Equals(ra, rb, StringComparison.Ordinal);
    }

    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            for (var hops = 0; hops < 40; hops++)
            {
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (!info.Exists || info.LinkTarget is null)
                {
                    break;
                }

                current = Path.GetFullPath(info.LinkTarget, Path.GetDirectoryName(current) ?? root);
            }
        }

        return current;
    }
}
