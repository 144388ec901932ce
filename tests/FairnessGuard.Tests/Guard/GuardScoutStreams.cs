using System.Globalization;
using BarycenterDemo;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearRegression;

namespace FairnessGuard.Tests.Guard;

/// <summary>
/// Scout streams (docs/guard.md, "Scout streams (stop 26)"): shapes that <see cref="GuardGoalStreams"/>,
/// <see cref="GuardHoldOutStreams"/>, <see cref="GuardFamilyStreams"/> and <see cref="GuardAtomStreams"/> do not hold —
/// 200–300-row streams, 3 % and 5 % minorities, one tiny group among four, 16 and 48 groups ∝ 1/k², outputs in dollars,
/// tiny or negative, logistic probabilities piled near 0, HMDA and SLID by other attributes, shifts at 25 %/75 % and of
/// one group, arrival in blocks, a group that arrives late, decisions at several thresholds, tuple keys with an empty
/// cell, keys that differ by case and whitespace, a fair four-group stream and outputs censored at a floor. Built from
/// samples/data (provenance in samples/data/README.md); every model is unaware of the group; every stream is seeded.
/// </summary>
internal static partial class GuardScoutStreams
{
    public static IEnumerable<ScoutStream> All() =>
    [
        CpsWomen("CPS 2008, 300 rows, 12 % women", 36, 264, seed: 301),
        CpsWomen("CPS 2008, 200 rows, 15 % women", 30, 170, seed: 302),
        CpsWomen("CPS 2008, 2,000 rows, 3 % women", 60, 1_940, seed: 303),
        CpsWomen("CPS 2008, 2,000 rows, 5 % women", 100, 1_900, seed: 304),
        CpsRegions("CPS 2008, 4 regions 300/300/300/30", [("Northeast", 300), ("Midwest", 300), ("South", 300), ("West", 30)], seed: 305),
        CpsRegions("CPS 2008, 3 regions 200/150/100", [("Northeast", 200), ("Midwest", 150), ("West", 100)], seed: 328),
        CpsPowerLaw("CPS 2008, 16 age groups ∝ 1/k² (≈ 1,200 rows)", 16, 1_200, seed: 306),
        CpsPowerLaw("CPS 2008, 48 gender × age groups ∝ 1/k² (≈ 1,600 rows)", 48, 1_600, seed: 307),
        Scaled("CPS 2008, 1,500 rows, 12 % women, log earnings (scale control)", v => v),
        Scaled("CPS 2008, 1,500 rows, 12 % women, annual dollars (≈ 10⁵)", v => Math.Exp(v) * 2_080),
        Scaled("CPS 2008, 1,500 rows, 12 % women, outputs × 10⁻⁴", v => v * 1e-4),
        Scaled("CPS 2008, 1,500 rows, 12 % women, outputs × 10⁻¹²", v => v * 1e-12),
        Scaled("CPS 2008, 1,500 rows, 12 % women, outputs − 10 (negative)", v => v - 10),
        HmdaLogistic("HMDA logistic P(deny), 2,380 rows, by African American", f => f[11], decisionAt: null),
        HmdaLogistic("HMDA logistic P(deny), 2,380 rows, by self-employed (12 %)", f => f[8], decisionAt: null),
        HmdaLogistic("HMDA logistic decision P ≥ 0.2, 2,380 rows, by African American", f => f[11], decisionAt: 0.2),
        HmdaLogistic("HMDA logistic P(deny), 2,380 rows, by single", f => f[12], decisionAt: null),
        SlidBy("SLID 1994, 2,000 rows, by sex", r => r.Sex, 2_000, seed: 315),
        SlidBy("SLID 1994, 1,200 rows, 4 age bands", r => r.Age < 30 ? "16-29" : r.Age < 40 ? "30-39" : r.Age < 50 ? "40-49" : "50+", 1_200, seed: 316),
        CpsShift("CPS 2008, 2,000 rows, both groups shift at 25 %", at: 0.25, women: 0.25, men: -0.10, seed: 317),
        CpsShift("CPS 2008, 2,000 rows, both groups shift at 75 %", at: 0.75, women: 0.25, men: -0.10, seed: 318),
        CpsShift("CPS 2008, 2,000 rows, women only shift +0.3 at 50 %", at: 0.5, women: 0.3, men: 0, seed: 319),
        CpsShift("CPS 2008, 2,000 rows, men only shift −0.2 at 50 %", at: 0.5, women: 0, men: -0.2, seed: 329),
        CpsShift("CPS 2008, 2,000 rows, women +0.5 and men +0.4 at 50 %", at: 0.5, women: 0.5, men: 0.4, seed: 342),
        CpsBatchBlocks(),
        CpsGroupBlocks(),
        CpsLateGroup(),
        CpsThresholds("CPS 2008, 1,500 rows, decision at the model's 80th percentile", [0.8], seed: 322),
        CpsThresholds("CPS 2008, 1,500 rows, 0–3 decisions at the 25th/50th/75th percentiles", [0.25, 0.5, 0.75], seed: 323),
        SlidTuples(),
        CpsCaseKeys(),
        CpsFairFourGroups(),
        CpsCensored(),
        CpsSortedByOutput(),
        CpsShareShift(),
        CpsConstantGroup(),
        CpsMissingOutputs(),
        CpsManyCells(),
        CpsCommonShift("CPS 2008, 3,000 rows by a coin (20 %), everyone +0.5 at 50 % (fair throughout)", 0.2, 3_000, seed: 338),
        CpsCommonShift("CPS 2008, 3,000 rows by a coin (50 %), everyone +0.5 at 50 % (fair throughout)", 0.5, 3_000, seed: 339),
        CpsCommonShift("CPS 2008, 3,000 rows, 20 % women, everyone +0.5 at 50 %", 0.2, 3_000, seed: 340, byGender: true),
    ];

    private static ScoutStream CpsWomen(string name, int women, int men, int seed)
    {
        var s = CpsSample(women, men, seed);
        return new ScoutStream(s with { Name = name });
    }

    /// <summary>Regions of the given sizes, shuffled; the model uses region, so the groups differ.</summary>
    private static ScoutStream CpsRegions(string name, (string Region, int Rows)[] sizes, int seed)
    {
        var (rows, model) = GuardGoalStreams.Cps();
        var rng = new Random(seed);
        var pick = sizes.SelectMany(p => rows.Where(r => r.Region == p.Region).OrderBy(_ => rng.Next()).Take(p.Rows)).OrderBy(_ => rng.Next()).ToArray();
        return Of(name, pick, model, r => r.Region);
    }

    /// <summary>k groups with shares ∝ 1/j²: ages (16) or gender × age (48), a seeded choice of cells, the largest cell first.</summary>
    private static ScoutStream CpsPowerLaw(string name, int k, int total, int seed)
    {
        var (rows, model) = GuardGoalStreams.Cps();
        var rng = new Random(seed);
        var byKey = rows.ToLookup(Key);
        var keys = byKey.OrderBy(g => g.Key, StringComparer.Ordinal).OrderBy(_ => rng.Next()).Take(k).OrderByDescending(g => g.Count()).Select(g => g.Key).ToArray();
        var norm = Enumerable.Range(1, k).Sum(j => 1.0 / (j * j));
        var pick = new List<CpsRow>();
        for (var j = 1; j <= k; j++)
        {
            var n = Math.Max(1, (int)Math.Round(total / norm / (j * j)));
            pick.AddRange(byKey[keys[j - 1]].OrderBy(_ => rng.Next()).Take(n));
        }

        return Of(name, [.. pick.OrderBy(_ => rng.Next())], model, Key);

        string Key(CpsRow r) => (k > 44 ? r.Gender[..1] : "") + r.Age.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The same 1,500 CPS rows (12 % women) each time, outputs and truth both transformed (dollars, tiny, negative).</summary>
    private static ScoutStream Scaled(string name, Func<double, double> transform)
    {
        var s = CpsSample(180, 1_320, 308);
        return new ScoutStream(s with { Name = name, Outputs = [.. s.Outputs.Select(transform)], Truth = [.. s.Truth.Select(transform)] });
    }

    /// <summary>HMDA: a logistic model of denial that never sees race, self-employment or marital status; probabilities or a decision.</summary>
    private static ScoutStream HmdaLogistic(string name, Func<string[], string> group, double? decisionAt)
    {
        var (lines, x, y) = Hmda();
        var beta = Logistic(x, y);
        var order = Enumerable.Range(0, lines.Length).ToArray();
        new Random(311).Shuffle(order);
        double P(int i) => 1 / (1 + Math.Exp(-x[i].Select((v, j) => v * beta[j]).Sum()));
        var outputs = order.Select(i => decisionAt is { } t ? (P(i) >= t ? 1.0 : 0.0) : P(i)).ToArray();
        return new ScoutStream(new GoalStream(name, outputs, [.. order.Select(i => group(lines[i]) == "yes" ? "yes" : "no")], [.. order.Select(i => y[i])]));
    }

    /// <summary>SLID 1994 complete rows, log wages from education and age (not sex or language), grouped by <paramref name="group"/>.</summary>
    private static ScoutStream SlidBy(string name, Func<SlidRow, string> group, int n, int seed)
    {
        var (rows, model) = Slid();
        var rng = new Random(seed);
        var pick = rows.OrderBy(_ => rng.Next()).Take(n).ToArray();
        return new ScoutStream(new GoalStream(name, [.. pick.Select(model)], [.. pick.Select(group)], [.. pick.Select(r => Math.Log(r.Wage))]));
    }

    /// <summary>2,000 CPS rows, 30 % women; from row <paramref name="at"/>·n on, outputs and truth shift by group.</summary>
    private static ScoutStream CpsShift(string name, double at, double women, double men, int seed)
    {
        var s = CpsSample(600, 1_400, seed);
        var from = (int)(at * s.Outputs.Length);
        double Shift(int i) => i < from ? 0 : s.Groups[i] == "female" ? women : men;
        return new ScoutStream(s with
        {
            Name = name,
            Outputs = [.. s.Outputs.Select((v, i) => v + Shift(i))],
            Truth = [.. s.Truth.Select((v, i) => v + Shift(i))],
        });
    }

    internal static GoalStream CpsSample(int women, int men, int seed)
    {
        var (rows, model) = GuardGoalStreams.Cps();
        var rng = new Random(seed);
        var pick = rows.Where(x => x.Gender == "female").OrderBy(_ => rng.Next()).Take(women)
            .Concat(rows.Where(x => x.Gender == "male").OrderBy(_ => rng.Next()).Take(men))
            .OrderBy(_ => rng.Next()).ToArray();
        return Of("", pick, model, r => r.Gender).Stream;
    }

    private static ScoutStream Of(string name, CpsRow[] rows, Func<CpsRow, double> model, Func<CpsRow, string> group) =>
        new(new GoalStream(name, [.. rows.Select(model)], [.. rows.Select(group)], [.. rows.Select(r => Math.Log(r.Earnings))]));

    private static readonly Lazy<(string[][] Lines, double[][] X, double[] Y)> s_hmda = new(() =>
    {
        var lines = File.ReadAllLines(GuardGoalStreams.DataPath("hmda.csv")).Skip(1).Select(l => l.Split(',').Select(f => f.Trim('"')).ToArray()).ToArray();
        static double Yes(string s) => s == "yes" ? 1 : 0;
        static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        double[] Features(string[] f) => [1, Num(f[1]), Num(f[2]), Num(f[3]), Num(f[4]), Num(f[5]), Yes(f[6]), Num(f[7]), Yes(f[9]), Yes(f[10]), Yes(f[13])];
        return (lines, [.. lines.Select(Features)], [.. lines.Select(f => Yes(f[0]))]);
    });

    private static (string[][] Lines, double[][] X, double[] Y) Hmda() => s_hmda.Value;

    /// <summary>Logistic regression by Newton–Raphson (IRLS) with a tiny ridge for stability.</summary>
    private static double[] Logistic(double[][] x, double[] y)
    {
        var m = Matrix<double>.Build.DenseOfRowArrays(x);
        var beta = Vector<double>.Build.Dense(m.ColumnCount);
        for (var it = 0; it < 30; it++)
        {
            var p = (m * beta).Map(v => 1 / (1 + Math.Exp(-v)));
            var w = p.Map(v => v * (1 - v));
            var gradient = m.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(y) - p);
            var hessian = m.TransposeThisAndMultiply(m.MapIndexed((i, _, v) => v * w[i])) + Matrix<double>.Build.DenseIdentity(m.ColumnCount) * 1e-8;
            beta += hessian.Solve(gradient);
        }

        return [.. beta];
    }

    private static readonly Lazy<(SlidRow[] Rows, Func<SlidRow, double> Model)> s_slid = new(() =>
    {
        var rows = File.ReadAllLines(GuardGoalStreams.DataPath("slid.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f.Length == 5 && f.All(v => v.Length > 0 && v != "NA"))
            .Select(f => new SlidRow(double.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture), f[3].Trim('"'), f[4].Trim('"')))
            .ToArray();
        static double[] Features(SlidRow r) => [1, r.Education, r.Age, r.Age * r.Age / 100];
        var beta = MultipleRegression.QR(rows.Select(Features).ToArray(), rows.Select(r => Math.Log(r.Wage)).ToArray(), intercept: false);
        return (rows, r => Features(r).Select((v, j) => v * beta[j]).Sum());
    });

    private static (SlidRow[] Rows, Func<SlidRow, double> Model) Slid() => s_slid.Value;
}

/// <summary>A scout stream; <paramref name="TupleKeys"/>: its "a|b" keys are replayed as a <c>(string, string)</c> tuple key.</summary>
internal sealed record ScoutStream(GoalStream Stream, bool TupleKeys = false);

/// <summary>One complete SLID 1994 row.</summary>
internal sealed record SlidRow(double Wage, double Education, double Age, string Sex, string Language);
