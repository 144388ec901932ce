namespace FairnessGuard.Analyzers.Tests.Harness;

/// <summary>One corpus case: a realistic source file whose markup states what a reviewer expects.</summary>
internal sealed record CorpusCase(string Name, string Markup);

/// <summary>The corpus under Corpus/, copied next to the test assembly.</summary>
internal static class Corpus
{
    public static IReadOnlyList<CorpusCase> Load()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Corpus");
        return Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new CorpusCase(Path.GetRelativePath(directory, f), File.ReadAllText(f)))
            .ToList();
    }
}
