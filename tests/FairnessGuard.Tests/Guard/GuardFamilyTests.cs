using FairnessGuard.Guard;
using Xunit.Abstractions;

namespace FairnessGuard.Tests.Guard;

/// <summary>
/// The do-no-harm and shrinkage rules on seeded families of short streams (<see cref="GuardFamilyStreams"/>), DEFAULT
/// options, judged like the goal streams (second half; KS over groups with at least 10 outputs). Prints, per family,
/// how many of the twelve streams meet issue 11's criterion (KS ≤ min(exact, raw) + 0.01 and MSE ≤ exact × 1.01) and how
/// many do no harm (KS ≤ raw + 0.01). Asserts what the rule is for: on fair families the guard adds less parity noise
/// than the exact map fitted on the first half (which always corrects), and on unfair families it leaves a smaller gap
/// than the raw outputs, both summed over the seeds.
/// </summary>
public class GuardFamilyTests(ITestOutputHelper output)
{
    [Fact]
    public void OnSeededFamiliesTheGuardAddsLessNoiseThanTheOracleWhenFairAndNarrowsTheGapWhenNot()
    {
        var rows = new Dictionary<string, (bool Fair, int Met, int NoHarm, double Raw, double Exact, double Guard)>();
        var worst = 0.0;
        foreach (var (family, fair, stream) in GuardFamilyStreams.All())
        {
            var r = GuardGoalsTests.Measure(stream, new ParityGuardOptions());
            var half = stream.Outputs.Length / 2;
            var rawMse = GuardGoalsTests.Mse(stream.Outputs[half..], stream.Truth[half..]);
            var met = r.GuardKs <= Math.Min(r.ExactKs, r.RawKs) + 0.01 && r.GuardMse <= r.ExactMse * 1.01;
            var noHarm = r.GuardKs <= r.RawKs + 0.01 && r.GuardMse <= Math.Max(rawMse, r.ExactMse) * 1.01;
            worst = fair ? Math.Max(worst, r.GuardKs - r.RawKs) : worst;
            var a = rows.GetValueOrDefault(family, (fair, 0, 0, 0, 0, 0));
            rows[family] = (fair, a.Met + (met ? 1 : 0), a.NoHarm + (noHarm ? 1 : 0), a.Raw + r.RawKs, a.Exact + r.ExactKs, a.Guard + r.GuardKs);
        }

        output.WriteLine("| family | fair | criterion met | no harm | mean raw KS | mean exact KS | mean guard KS |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        var failures = new List<string>();
        const int n = GuardFamilyStreams.Seeds;
        foreach (var (family, a) in rows)
        {
            output.WriteLine($"| {family} | {(a.Fair ? "yes" : "no")} | {a.Met}/{n} | {a.NoHarm}/{n} | {a.Raw / n:0.000} | {a.Exact / n:0.000} | {a.Guard / n:0.000} |");
            var ok = a.Fair ? a.Guard - a.Raw <= a.Exact - a.Raw : a.Guard <= a.Raw;
            if (!ok)
            {
                failures.Add(family);
            }
        }

        output.WriteLine($"criterion met on {rows.Values.Sum(a => a.Met)} of {rows.Count * n} streams, no harm on {rows.Values.Sum(a => a.NoHarm)}; largest guard − raw KS on a fair stream {worst:0.000}");
        Assert.Empty(failures);
    }
}
