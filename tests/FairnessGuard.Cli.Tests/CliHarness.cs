using System.Globalization;
using System.Text;

namespace FairnessGuard.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
internal static class CliHarness
{
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = FairnessGuardCli.Run(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int Code, string Output, string Error);

/// <summary>A fresh temporary folder, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "fg-cli-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => Path.Combine(Root, name);

    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>Seeded prediction files: group "a" scores ~ N(0, 1), group "b" ~ N(shift, 1), labels from the score.</summary>
internal static class PredictionFiles
{
    public static string Write(TempFolder folder, string name, int rowsPerGroup, double shift, int seed, string delimiter = ",")
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"id{delimiter}group{delimiter}note{delimiter}score{delimiter}label\n");
        for (var i = 0; i < 2 * rowsPerGroup; i++)
        {
            var group = i % 2 == 0 ? "a" : "b";
            var score = Normal(random) + (group == "b" ? shift : 0);
            var label = score + Normal(random) > shift / 2 ? 1 : 0;
            text.Append(CultureInfo.InvariantCulture, $"{i}{delimiter}{group}{delimiter}\"row {i}, quoted\"{delimiter}{score:R}{delimiter}{label}\n");
        }

        return folder.Write(name, text.ToString());
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
