using FairnessGuard.Correction;
using FairnessGuard.Guard;
using FairnessGuard.Monitoring;
using Xunit.Abstractions;

namespace FairnessGuard.Tests.Guard;

/// <summary>
/// Scout streams (<see cref="GuardScoutStreams"/>, docs/guard.md "Scout streams (stop 26)") with DEFAULT options, once as
/// built (BackgroundRebuild on) and once with BackgroundRebuild off, judged like the goal streams on the second half (KS
/// over groups with at least 10 outputs there). Prints the table: raw, exact map fitted on the first half, exact map fitted
/// on all rows (the in-sample noise floor), guard; MSE; outputs changed; issue 11's criterion. Asserts only what follows from
/// the math on every stream: no harm beyond the sampling noise (guard KS ≤ raw KS + the two-sample DKW half-width at
/// δ = 0.05 for the two smallest measured groups of the second half: the returned distributions lie between the raw ones
/// and the barycenter, so the gap can grow only by estimation noise), the same per group against the rest of the stream,
/// finite outputs for finite inputs, and counters that add up (every output counted once; <c>Changed</c> equal to the
/// outputs that differ from the raw ones).
/// </summary>
public class GuardScoutTests(ITestOutputHelper output)
{
    [Fact]
    public void DefaultGuardDoesNoHarmBeyondTheNoiseOnEveryScoutStreamAndCountsEveryOutput()
    {
        var failures = new List<string>();
        output.WriteLine("| stream | rows | groups | raw KS | exact ½ KS | exact all KS | guard KS | guard KS inline | DKW ε | raw MSE | exact ½ MSE | exact all MSE | guard MSE | guard MSE inline | changed / inline | criterion / inline |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var met = (Default: 0, Inline: 0);
        var count = 0;
        foreach (var scout in GuardScoutStreams.All())
        {
            var s = scout.Stream;
            var r = Measure(scout);
            count++;
            met = (met.Default + (r.Default.Met ? 1 : 0), met.Inline + (r.Inline.Met ? 1 : 0));
            output.WriteLine(
                $"| {s.Name} | {s.Outputs.Length:N0} | {s.Groups.Distinct().Count()} | {r.RawKs:0.000} | {r.ExactKs:0.000} | {r.ExactAllKs:0.000} | {r.Default.Ks:0.000} | {r.Inline.Ks:0.000} | {r.Epsilon:0.000} " +
                $"| {r.RawMse:G4} | {r.ExactMse:G4} | {r.ExactAllMse:G4} | {r.Default.Mse:G4} | {r.Inline.Mse:G4} | {r.Default.Changed:N0} / {r.Inline.Changed:N0} | {(r.Default.Met ? "met" : "not met")} / {(r.Inline.Met ? "met" : "not met")} |");
            foreach (var (run, name) in new[] { (r.Default, "default"), (r.Inline, "inline") })
            {
                if (run.Ks > r.RawKs + r.Epsilon)
                {
                    failures.Add($"{s.Name} ({name}): KS {run.Ks:0.000} > raw {r.RawKs:0.000} + ε {r.Epsilon:0.000}");
                }

                if (run.GroupHarm is { } harm)
                {
                    failures.Add($"{s.Name} ({name}): {harm}");
                }

                if (run.Problem is { } problem)
                {
                    failures.Add($"{s.Name} ({name}): {problem}");
                }
            }
        }

        output.WriteLine($"criterion met on {met.Default} of {count} (default), {met.Inline} of {count} (BackgroundRebuild = false)");
        Assert.True(count >= 20, $"{count} scout streams");
        Assert.Empty(failures);
    }

    internal static ScoutResult Measure(ScoutStream scout)
    {
        var s = scout.Stream;
        var half = s.Outputs.Length / 2;

        // Judged on the second half's rows with a finite raw output (NaN is returned as it is and has no rank).
        var rows = Enumerable.Range(half, s.Outputs.Length - half).Where(i => double.IsFinite(s.Outputs[i])).ToArray();
        double[] Judged(double[] all) => [.. rows.Select(i => all[i])];
        var groups = rows.Select(i => s.Groups[i]).ToArray();
        var truth = Judged(s.Truth);
        var exactHalf = Judged(Exact(s, half));
        var exactAll = Judged(Exact(s, s.Outputs.Length));
        var rawKs = GuardGoalsTests.MaxPairwiseKs(Judged(s.Outputs), groups);
        var exactKs = GuardGoalsTests.MaxPairwiseKs(exactHalf, groups);
        var exactMse = GuardGoalsTests.Mse(exactHalf, truth);
        GuardRun Run(bool background)
        {
            var options = new ParityGuardOptions { BackgroundRebuild = background };
            var (returned, counts) = scout.TupleKeys ? Replay(s, options, TupleKey) : Replay(s, options, g => g);
            var ks = GuardGoalsTests.MaxPairwiseKs(Judged(returned), groups);
            var mse = GuardGoalsTests.Mse(Judged(returned), truth);
            var met = ks <= Math.Min(exactKs, rawKs) + 0.01 && mse <= exactMse * 1.01;
            return new GuardRun(ks, mse, counts.Changed, met, Problem(s, returned, counts), GroupHarm(s, returned, rows));
        }

        return new ScoutResult(
            rawKs,
            exactKs,
            GuardGoalsTests.MaxPairwiseKs(exactAll, groups),
            GuardGoalsTests.Mse(Judged(s.Outputs), truth),
            exactMse,
            GuardGoalsTests.Mse(exactAll, truth),
            TwoSampleEpsilon(groups, 0.05),
            Run(background: true),
            Run(background: false));
    }

    internal static (double[] Returned, GuardCounts Counts) Replay<TKey>(GoalStream s, ParityGuardOptions options, Func<string, TKey> key)
        where TKey : notnull
    {
        using var guard = new ParityGuard<TKey>(options);
        var returned = new double[s.Outputs.Length];
        for (var i = 0; i < returned.Length; i++)
        {
            returned[i] = guard.Apply(s.Outputs[i], key(s.Groups[i]));
        }

        return (returned, guard.Counts);
    }

    internal static (string, string) TupleKey(string key)
    {
        var bar = key.IndexOf('|', StringComparison.Ordinal);
        return (key[..bar], key[(bar + 1)..]);
    }

    /// <summary>
    /// No group further from parity than it started (issue 11, item 3): each group's KS to the rest of the judged rows,
    /// returned, at most its raw KS to the rest + the two-sample DKW half-width at δ = 0.05 for those two sizes (groups and
    /// rests of at least 10 rows). A description of the worst breach, or null.
    /// </summary>
    private static string? GroupHarm(GoalStream s, double[] returned, int[] rows)
    {
        string? worst = null;
        var excess = 0.0;
        foreach (var group in rows.GroupBy(i => s.Groups[i]))
        {
            var mine = group.ToArray();
            var rest = rows.Where(i => s.Groups[i] != group.Key).ToArray();
            if (mine.Length < GuardGoalsTests.MinRows || rest.Length < GuardGoalsTests.MinRows)
            {
                continue;
            }

            double KsToRest(double[] v) => GuardGoalsTests.Ks([.. mine.Select(i => v[i]).Order()], [.. rest.Select(i => v[i]).Order()]);
            var raw = KsToRest(s.Outputs);
            var after = KsToRest(returned);
            var eps = Math.Sqrt(Math.Log(2 / 0.05) / 2 * ((1.0 / mine.Length) + (1.0 / rest.Length)));
            if (after - raw - eps > excess)
            {
                excess = after - raw - eps;
                worst = $"group {group.Key}: KS to the rest {after:0.000} > raw {raw:0.000} + ε {eps:0.000}";
            }
        }

        return worst;
    }

    /// <summary>The two-sample DKW half-width at <paramref name="delta"/> for the two smallest groups with at least 10 rows.</summary>
    internal static double TwoSampleEpsilon(string[] groups, double delta)
    {
        var sizes = groups.GroupBy(g => g).Select(g => g.Count()).Where(n => n >= GuardGoalsTests.MinRows).Order().ToArray();
        return sizes.Length < 2 ? 0 : Math.Sqrt(Math.Log(2 / delta) / 2 * ((1.0 / sizes[0]) + (1.0 / sizes[1])));
    }

    // Non-finite outputs for finite inputs, counters that do not add up, or a Changed count that is not the number of
    // outputs returned different from the raw ones: a description, or null when all is right.
    private static string? Problem(GoalStream s, double[] returned, GuardCounts c)
    {
        var nonFinite = returned.Where((v, i) => double.IsFinite(s.Outputs[i]) && !double.IsFinite(v)).Count();
        var nanKept = returned.Where((v, i) => !double.IsFinite(s.Outputs[i]) && !v.Equals(s.Outputs[i])).Count();
        var differ = returned.Where((v, i) => !v.Equals(s.Outputs[i])).LongCount();
        var inputsNonFinite = s.Outputs.LongCount(v => !double.IsFinite(v));
        var sum = c.Mapped + c.WarmUpPassThroughs + c.MonitorPassThroughs + c.NoHarmPassThroughs + c.NonFinite + c.Faults;
        return nonFinite > 0 ? $"{nonFinite} non-finite outputs for finite inputs"
            : nanKept > 0 || c.NonFinite != inputsNonFinite ? $"{nanKept} non-finite inputs changed; NonFinite {c.NonFinite} of {inputsNonFinite}"
            : c.Predictions != s.Outputs.Length || sum != c.Predictions ? $"counts do not add up: {c}"
            : c.Changed != differ || c.Changed > c.Mapped ? $"Changed {c.Changed} but {differ} outputs differ ({c})"
            : c.Faults > 0 ? $"{c.Faults} faults"
            : null;
    }

    // The exact map fitted on the first n rows, applied to every row (groups it never saw pass through).
    private static double[] Exact(GoalStream s, int n)
    {
        var exact = ExactBarycenterCorrector<string>.Fit(s.Outputs.AsSpan(0, n), s.Groups.AsSpan(0, n), new BarycenterOptions { Seed = 3 });
        var known = exact.Groups.ToHashSet();
        return [.. s.Outputs.Select((y, i) => known.Contains(s.Groups[i]) ? exact.Apply(y, s.Groups[i], i) : y)];
    }
}

/// <summary>
/// One replay's figures on the second half; <paramref name="Problem"/> names a defect and <paramref name="GroupHarm"/> a group
/// left further from parity than the noise allows (null when none).
/// </summary>
internal sealed record GuardRun(double Ks, double Mse, long Changed, bool Met, string? Problem, string? GroupHarm);

/// <summary>A scout stream's figures: raw, exact maps fitted on the first half and on all rows, and the two guard replays.</summary>
internal sealed record ScoutResult(double RawKs, double ExactKs, double ExactAllKs, double RawMse, double ExactMse, double ExactAllMse, double Epsilon, GuardRun Default, GuardRun Inline);
