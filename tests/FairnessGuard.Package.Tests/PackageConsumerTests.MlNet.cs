using System.Diagnostics;
using System.Globalization;

namespace FairnessGuard.Package.Tests;

/// <summary>
/// Issue 15's consumer goal through the packed FairnessGuard and FairnessGuard.ML packages: a fresh console app
/// trains a real ML.NET model (SDCA, defaults), appends <c>DemographicParity</c> fitted on a calibration split,
/// saves with <c>mlContext.Fairness().SaveModel</c>; a second process loads the model and predicts the same rows.
/// </summary>
public sealed partial class PackageConsumerTests
{
    [Fact]
    public void MlNetAppSavesAFairModelThatASecondProcessLoadsAndPredictsIdentically()
    {
        var watch = Stopwatch.StartNew();
        var templates = Path.Combine(AppContext.BaseDirectory, "Consumer");
        var app = _build.NewDirectory("mlnet");
        File.WriteAllText(Path.Combine(app, "App.csproj"), File.ReadAllText(Path.Combine(templates, "MlNet.csproj.template")).Replace("@FEED@", _build.Feed, StringComparison.Ordinal).Replace("@VERSION@", _build.Version, StringComparison.Ordinal));
        File.Copy(Path.Combine(templates, "MlNetProgram.cs.template"), Path.Combine(app, "Program.cs"));
        (int Exit, string Output) Dotnet(string arguments) => ConsumerBuild.Run("dotnet", arguments, app);

        // Without the estimator the package's analyzer warns at the pipeline that drops Race (FG0001); with it
        // appended the pipeline carries its output constraint and the build is clean with warnings as errors.
        var program = File.ReadAllText(Path.Combine(app, "Program.cs"));
        var unguarded = string.Join('\n', program.ReplaceLineEndings("\n").Split('\n').Where(l => !l.Contains("DemographicParity(", StringComparison.Ordinal))).Replace("model.Append(parity)", "model", StringComparison.Ordinal);
        Assert.NotEqual(program, unguarded);
        File.WriteAllText(Path.Combine(app, "Program.cs"), unguarded);
        var (buildExit, buildOutput) = Dotnet("build -c Release");
        Assert.True(buildExit == 0, buildOutput);
        Assert.Contains(buildOutput.Split('\n'), l => l.Contains("Program.cs(", StringComparison.Ordinal) && l.Contains("warning FG0001", StringComparison.Ordinal) && l.Contains("Race", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(app, "Program.cs"), program);
        (buildExit, buildOutput) = Dotnet("build -c Release -warnaserror");
        Assert.True(buildExit == 0, buildOutput);
        var build = watch.Elapsed;

        var (trainExit, trainOutput) = Dotnet("run --no-build -c Release -- train .");
        Assert.True(trainExit == 0, trainOutput);
        var (predictExit, predictOutput) = Dotnet("run --no-build -c Release -- predict .");
        Assert.True(predictExit == 0, predictOutput);
        Assert.True(File.Exists(Path.Combine(app, "fair-model.zip")));

        // Score, probability (bit patterns) and predicted label of every test row, first process vs second.
        var first = File.ReadAllLines(Path.Combine(app, "train.txt"));
        var second = File.ReadAllLines(Path.Combine(app, "predict.txt"));
        Assert.Equal(10_000, first.Length);
        Assert.Equal(first, second);

        string Line(string output, string label) => output.Split('\n').Single(l => l.StartsWith(label + " ", StringComparison.Ordinal))[(label.Length + 1)..].Trim();
        double Read(string output, string label) => double.Parse(Line(output, label), CultureInfo.InvariantCulture);
        int[] Counts(string label) => Line(trainOutput, label).Split(' ').Select(c => int.Parse(c[(c.IndexOf('=', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture)).ToArray();
        var raw = Read(trainOutput, "RAW-KS");
        var fair = Read(predictOutput, "FAIR-KS");
        Assert.Equal(Read(trainOutput, "FAIR-KS"), fair);

        // The bound. The map sends a score of group s with k calibration values below it to G(k/n_s), G common to
        // the groups, so the population CDF of group s's corrected scores at t is K_s(t)/n_s within the calibration
        // DKW band ε(n_s), and K_s(t)/n_s is within 1/n_s of G's generalised inverse at t, the same for both groups;
        // the held-out empirical CDFs add ε(m_s). δ = 10⁻³ over the 4 bands; 2/min n_s covers float ties (atoms).
        double Eps(double n) => Math.Sqrt(Math.Log(2 / 2.5e-4) / (2 * n));
        var calibration = Counts("CALIBRATION-ROWS");
        var test = Counts("TEST-ROWS");
        var bound = calibration.Sum(n => Eps(n)) + test.Sum(n => Eps(n)) + (2.0 / calibration.Min());
        Assert.True(raw > bound, $"the unaware model's scores must differ by race (KS {raw}, bound {bound})");
        Assert.True(fair <= bound, $"held-out KS after the estimator {fair} > {bound} (raw {raw})\n{trainOutput}");
        Console.WriteLine($"ML.NET consumer: KS {raw:0.000} -> {fair:0.000} (bound {bound:0.000}); build {build.TotalSeconds:0.0} s, total {watch.Elapsed.TotalSeconds:0.0} s");
    }
}
