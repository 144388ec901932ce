using System.Globalization;
using BarycenterDemo;
using MathNet.Numerics.LinearRegression;

namespace FairnessGuard.Tests.Guard;

/// <summary>
/// The prediction streams of issue 11's goals, built from real data in samples/data (provenance in
/// samples/data/README.md: CPS 2008 and Boston HMDA from the R package AER, SLID 1994 from carData; the
/// originals are in the shared datasets folder). Every stream is seeded.
/// </summary>
internal static class GuardGoalStreams
{
    public static IEnumerable<GoalStream> All() =>
    [
        CpsShort(),
        Hmda(),
        HmdaShort(),
        SlidThreeGroups(),
        CpsThirtyTwoGroups(),
        CpsShift(),
        CpsAlreadyFair(),
    ];

    /// <summary>1,500 CPS rows, 12 % women; an unaware least-squares model of log earnings.</summary>
    public static GoalStream CpsShort()
    {
        var (rows, model) = Cps();
        var rng = new Random(11);
        var women = rows.Where(r => r.Gender == "female").OrderBy(_ => rng.Next()).Take(180);
        var men = rows.Where(r => r.Gender == "male").OrderBy(_ => rng.Next()).Take(1320);
        var stream = women.Concat(men).OrderBy(_ => rng.Next()).ToArray();
        return new GoalStream("CPS 2008, 1,500 rows, 12 % women", [.. stream.Select(model)], [.. stream.Select(r => r.Gender)], [.. stream.Select(r => Math.Log(r.Earnings))]);
    }

    /// <summary>All 2,380 HMDA applications in shuffled order, 14 % African American; a linear score of denial that never sees race.</summary>
    public static GoalStream Hmda()
    {
        var lines = File.ReadAllLines(DataPath("hmda.csv")).Skip(1).Select(l => l.Split(',').Select(f => f.Trim('"')).ToArray()).ToArray();
        static double Yes(string s) => s == "yes" ? 1 : 0;
        static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        double[] Features(string[] f) => [1, Num(f[1]), Num(f[2]), Num(f[3]), Num(f[4]), Num(f[5]), Yes(f[6]), Num(f[7]), Yes(f[8]), Yes(f[9]), Yes(f[10]), Yes(f[12]), Yes(f[13])];
        var x = lines.Select(Features).ToArray();
        var y = lines.Select(f => Yes(f[0])).ToArray();
        var beta = MultipleRegression.QR(x, y, intercept: false);
        var order = Enumerable.Range(0, lines.Length).ToArray();
        new Random(12).Shuffle(order);
        return new GoalStream(
            "HMDA, 2,380 rows, 14 % African American",
            [.. order.Select(i => x[i].Select((v, j) => v * beta[j]).Sum())],
            [.. order.Select(i => lines[i][11] == "yes" ? "afam" : "other")],
            [.. order.Select(i => y[i])]);
    }

    /// <summary>The first 1,000 rows of the shuffled HMDA stream (≈ 140 African American applicants).</summary>
    public static GoalStream HmdaShort()
    {
        var all = Hmda();
        return new GoalStream("HMDA, first 1,000 rows (≈ 14 % African American)", all.Outputs[..1000], all.Groups[..1000], all.Truth[..1000]);
    }

    /// <summary>SLID 1994: three language groups of 450, 300 and 250 rows; log wages from education and age.</summary>
    public static GoalStream SlidThreeGroups()
    {
        var rows = File.ReadAllLines(DataPath("slid.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f.Length == 5 && f.All(v => v.Length > 0 && v != "NA"))
            .Select(f => (Wage: double.Parse(f[0], CultureInfo.InvariantCulture), Education: double.Parse(f[1], CultureInfo.InvariantCulture), Age: double.Parse(f[2], CultureInfo.InvariantCulture), Language: f[4].Trim('"')))
            .ToArray();
        double[] Features((double Wage, double Education, double Age, string Language) r) => [1, r.Education, r.Age, r.Age * r.Age / 100];
        var beta = MultipleRegression.QR(rows.Select(Features).ToArray(), rows.Select(r => Math.Log(r.Wage)).ToArray(), intercept: false);
        var rng = new Random(13);
        var stream = rows.Where(r => r.Language == "English").OrderBy(_ => rng.Next()).Take(450)
            .Concat(rows.Where(r => r.Language == "Other").OrderBy(_ => rng.Next()).Take(300))
            .Concat(rows.Where(r => r.Language == "French").OrderBy(_ => rng.Next()).Take(250))
            .OrderBy(_ => rng.Next()).ToArray();
        return new GoalStream("SLID 1994, 3 language groups (450/300/250)", [.. stream.Select(r => Features(r).Select((v, j) => v * beta[j]).Sum())], [.. stream.Select(r => r.Language)], [.. stream.Select(r => Math.Log(r.Wage))]);
    }

    /// <summary>2,500 CPS rows in 32 groups (one age each, ages 21–52 in a seeded order), shares ∝ 1/k².</summary>
    public static GoalStream CpsThirtyTwoGroups()
    {
        var (rows, model) = Cps();
        var rng = new Random(14);
        var ages = Enumerable.Range(21, 32).OrderBy(_ => rng.Next()).ToArray();
        var norm = Enumerable.Range(1, 32).Sum(k => 1.0 / (k * k));
        var stream = new List<CpsRow>();
        for (var k = 1; k <= 32; k++)
        {
            var n = Math.Max(1, (int)Math.Round(2500 / norm / (k * k)));
            stream.AddRange(rows.Where(r => r.Age == ages[k - 1]).OrderBy(_ => rng.Next()).Take(n));
        }

        var shuffled = stream.OrderBy(_ => rng.Next()).ToArray();
        return new GoalStream("CPS 2008, 32 age groups, shares ∝ 1/k² (2,500 rows)", [.. shuffled.Select(model)], [.. shuffled.Select(r => "age" + r.Age.ToString(CultureInfo.InvariantCulture))], [.. shuffled.Select(r => Math.Log(r.Earnings))]);
    }

    /// <summary>2,000 CPS rows, 30 % women; half-way both groups' outputs shift (women +0.25, men −0.10 in log earnings, truth too).</summary>
    public static GoalStream CpsShift()
    {
        var (rows, model) = Cps();
        var rng = new Random(15);
        var stream = rows.Where(r => r.Gender == "female").OrderBy(_ => rng.Next()).Take(600)
            .Concat(rows.Where(r => r.Gender == "male").OrderBy(_ => rng.Next()).Take(1400))
            .OrderBy(_ => rng.Next()).ToArray();
        double Shift(int i) => i < stream.Length / 2 ? 0 : stream[i].Gender == "female" ? 0.25 : -0.10;
        return new GoalStream(
            "CPS 2008, 2,000 rows, both groups shift half-way",
            [.. stream.Select((r, i) => model(r) + Shift(i))],
            [.. stream.Select(r => r.Gender)],
            [.. stream.Select((r, i) => Math.Log(r.Earnings) + Shift(i))]);
    }

    /// <summary>1,500 CPS rows split into two groups (12 % / 88 %) by a seeded coin: fair by construction.</summary>
    public static GoalStream CpsAlreadyFair()
    {
        var (rows, model) = Cps();
        var rng = new Random(16);
        var stream = rows.OrderBy(_ => rng.Next()).Take(1500).ToArray();
        return new GoalStream("CPS 2008, 1,500 rows, groups by a coin (already fair)", [.. stream.Select(model)], [.. stream.Select(_ => rng.NextDouble() < 0.12 ? "a" : "b")], [.. stream.Select(r => Math.Log(r.Earnings))]);
    }

    private static readonly Lazy<(CpsRow[] Rows, Func<CpsRow, double> Model)> s_cps = new(() =>
    {
        var rows = CpsWageExperiment.Load(DataPath("cpssw8.csv"));
        return (rows, CpsWageExperiment.FitUnawareModel(rows));
    });

    internal static (CpsRow[] Rows, Func<CpsRow, double> Model) Cps() => s_cps.Value;

    public static string DataPath(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "data", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"samples/data/{file} not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A stream of model outputs, their groups and the truth they estimate.</summary>
internal sealed record GoalStream(string Name, double[] Outputs, string[] Groups, double[] Truth);
