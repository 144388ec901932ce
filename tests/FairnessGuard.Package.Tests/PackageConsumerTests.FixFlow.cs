using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FairnessGuard.Package.Tests;

/// <summary>
/// Issue 14's consumer goal, end to end through the packed package with its defaults: FG0001 on a fresh app's
/// hand-written scorer → the fix applied in bulk by <c>dotnet format</c> → a clean <c>-warnaserror</c> build →
/// outputs guarded at run time; and the README's CI gate fails on a policy that guards nothing.
/// </summary>
public sealed partial class PackageConsumerTests
{
    [Fact]
    public void FreshAppGoesFromTheWarningToGuardedOutputsAndTheGateRefusesAnUnguardedPolicy()
    {
        var watch = Stopwatch.StartNew();
        var templates = Path.Combine(AppContext.BaseDirectory, "Consumer");
        var app = _build.NewDirectory("fix-flow");
        File.WriteAllText(Path.Combine(app, "App.csproj"), File.ReadAllText(Path.Combine(templates, "Consumer.csproj.template")).Replace("@FEED@", _build.Feed, StringComparison.Ordinal).Replace("@VERSION@", _build.Version, StringComparison.Ordinal));
        File.Copy(Path.Combine(templates, "FixProgram.cs.template"), Path.Combine(app, "Program.cs"));
        File.Copy(Path.Combine(templates, "Scorer.cs.template"), Path.Combine(app, "Scorer.cs"));
        (int Exit, string Output) Dotnet(string arguments) => ConsumerBuild.Run("dotnet", arguments, app);
        double Ks(string output) => double.Parse(output.Split('\n').Single(l => l.StartsWith("KS ", StringComparison.Ordinal))[3..].Trim(), CultureInfo.InvariantCulture);
        static string[] FgLines(string output) => output.Split('\n').Where(l => Regex.IsMatch(l, @"\b(warning|error) FG\d{4}\b")).ToArray();

        // 1. The warning, at the scorer's method, with the package's default severities.
        var (buildExit, buildOutput) = Dotnet("build -c Release");
        Assert.True(buildExit == 0, buildOutput);
        Assert.Contains(FgLines(buildOutput), l => l.Contains("Scorer.cs(10,", StringComparison.Ordinal) && l.Contains("warning FG0001", StringComparison.Ordinal) && l.Contains("Race", StringComparison.Ordinal));
        var (runExit, runOutput) = Dotnet("run --no-build -c Release");
        Assert.True(runExit == 0, runOutput);
        var before = Ks(runOutput);

        // 2. The fix, applied in bulk by dotnet format from the package's code-fix assembly (offline: restored above).
        var (formatExit, formatOutput) = Dotnet("format analyzers --no-restore --diagnostics FG0001 --severity info");
        Assert.True(formatExit == 0, formatOutput);
        var scorer = File.ReadAllText(Path.Combine(app, "Scorer.cs")).ReplaceLineEndings("\n");
        Assert.Contains("public sealed partial class Scorer", scorer, StringComparison.Ordinal);
        Assert.Contains("[DemographicParity(nameof(Applicant.Race))]\n    public partial double Score(Applicant a);", scorer, StringComparison.Ordinal);
        Assert.Contains("private double ScoreCore(Applicant a) => Predict(new[] { a.Income, a.Debt });", scorer, StringComparison.Ordinal);

        // 3. The fixed app builds with warnings as errors and no FG diagnostic at all.
        (buildExit, buildOutput) = Dotnet("build -c Release -warnaserror");
        Assert.True(buildExit == 0, buildOutput + "\n" + scorer);
        Assert.Empty(FgLines(buildOutput));

        // 4. Run time: the same seeded stream, now guarded. Rows 10,001–20,000 evaluated, about 3,000 and 7,000 per
        // group: DKW bands at δ = 10⁻³ over 4 bands, the sketch rank error (k = 1,000) and knot resolution (K = 512)
        // of both groups bound the corrected gap (as in DecoratedMethodIsGuardedAtRunTime).
        (runExit, runOutput) = Dotnet("run --no-build -c Release");
        Assert.True(runExit == 0, runOutput);
        var after = Ks(runOutput);
        double Eps(double n) => Math.Sqrt(Math.Log(2 / 2.5e-4) / (2 * n));
        var bound = (2 * Eps(2800)) + (2 * Eps(6800)) + (2 * 3.26 / 1000) + (2.0 / 511);
        Assert.True(before > bound, $"the unaware scores must differ by race (KS {before})");
        Assert.True(after <= bound, $"guarded KS {after} > {bound} (unguarded {before})\n{runOutput}");

        // 5. The README's CI gate: a policy on a non-partial method guards nothing and must fail the build.
        File.Copy(Path.Combine(templates, "Unguarded.cs.template"), Path.Combine(app, "Unguarded.cs"));
        var (gateExit, gateOutput) = Dotnet("build -c Release -warnaserror:FG0001");
        Assert.True(gateExit != 0, gateOutput);
        Assert.Contains(FgLines(gateOutput), l => l.Contains("Unguarded.cs", StringComparison.Ordinal) && l.Contains("error FG1001", StringComparison.Ordinal));

        // 6. The documented bulk fix for it (docs/rules/FG1001.md) makes the method partial and the gate passes.
        (formatExit, formatOutput) = Dotnet("format analyzers --no-restore --diagnostics FG1001 --severity info");
        Assert.True(formatExit == 0, formatOutput);
        var unguarded = File.ReadAllText(Path.Combine(app, "Unguarded.cs")).ReplaceLineEndings("\n");
        Assert.Contains("public partial double Score(Applicant a);", unguarded, StringComparison.Ordinal);
        (gateExit, gateOutput) = Dotnet("build -c Release -warnaserror:FG0001");
        Assert.True(gateExit == 0, gateOutput + "\n" + unguarded);
        Console.WriteLine($"fix flow: {watch.Elapsed.TotalSeconds:0.0} s");
    }
}
