using System.Globalization;
using MathNet.Numerics.LinearRegression;

namespace FairnessGuard.Tests.Guard;

/// <summary>
/// Hold-out prediction streams the guard's defaults were not tuned on: data sets not used by
/// <see cref="GuardGoalStreams"/> (Salaries 2008-09, CPS 1985, Communities and Crime, the résumé experiment;
/// provenance in samples/data/README.md) and CPS 2008 shapes the goal streams lack (outliers, gradual drift,
/// ≈ 90 natural groups). Each model is an unaware least-squares fit that never sees the group. Every stream is seeded.
/// </summary>
internal static class GuardHoldOutStreams
{
    public static IEnumerable<GoalStream> All() =>
    [
        Salaries(),
        Cps1985("gender", r => r["gender"]),
        Cps1985("ethnicity", r => r["ethnicity"]),
        Cps1985("gender × ethnicity", r => r["gender"] + "/" + r["ethnicity"]),
        Communities(),
        ResumeCallbacks(),
        CpsOutliers(),
        CpsGradualDrift(),
        CpsGenderByAge(),
    ];

    /// <summary>All 397 professors' salaries (k$) in shuffled order, 10 % women; rank, discipline and years, not sex.</summary>
    public static GoalStream Salaries()
    {
        var rows = Rows("salaries.csv");
        double[] Features(Dictionary<string, string> r) =>
            [1, r["rank"] == "AsstProf" ? 1 : 0, r["rank"] == "AssocProf" ? 1 : 0, r["discipline"] == "B" ? 1 : 0, Num(r["yrs.since.phd"]), Num(r["yrs.service"])];
        return Stream("Salaries 2008-09, 397 rows, 10 % women", rows, Features, r => Num(r["salary"]) / 1000, r => r["sex"], seed: 21);
    }

    /// <summary>All 534 CPS 1985 rows, log wage from education, experience, sector, occupation, union, region, marriage.</summary>
    public static GoalStream Cps1985(string name, Func<Dictionary<string, string>, string> group)
    {
        var rows = Rows("cps1985.csv");
        string[] occupations = ["worker", "technical", "services", "office", "sales"];
        double[] Features(Dictionary<string, string> r) =>
        [
            1, Num(r["education"]), Num(r["experience"]), Num(r["experience"]) * Num(r["experience"]) / 100,
            r["union"] == "yes" ? 1 : 0, r["region"] == "south" ? 1 : 0, r["married"] == "yes" ? 1 : 0,
            r["sector"] == "manufacturing" ? 1 : 0, r["sector"] == "construction" ? 1 : 0,
            .. occupations.Select(o => r["occupation"] == o ? 1.0 : 0),
        ];
        return Stream($"CPS 1985, 534 rows, by {name}", rows, Features, r => Math.Log(Num(r["wage"])), group, seed: 22);
    }

    /// <summary>All 1,994 communities' violent-crime rates, grouped by black population share above 0.06; socio-economic features only.</summary>
    public static GoalStream Communities()
    {
        var rows = Rows("communities.csv");
        string[] columns = ["medIncome", "pctWPubAsst", "PctPopUnderPov", "PctNotHSGrad", "PctUnemployed", "PctFam2Par", "PctIlleg", "PctHousOccup"];
        double[] Features(Dictionary<string, string> r) => [1, .. columns.Select(c => Num(r[c]))];
        return Stream("Communities and Crime, 1,994 rows, black share > 0.06", rows, Features, r => Num(r["ViolentCrimesPerPop"]), r => Num(r["racepctblack"]) > 0.06 ? "high" : "low", seed: 23);
    }

    /// <summary>All 4,870 résumés: a linear call-back score from the résumé's contents (many tied scores), grouped by the name's ethnicity.</summary>
    public static GoalStream ResumeCallbacks()
    {
        var rows = Rows("resumenames.csv");
        string[] flags = ["honors", "volunteer", "military", "holes", "school", "email", "computer", "special", "college"];
        double[] Features(Dictionary<string, string> r) =>
            [1, r["quality"] == "high" ? 1 : 0, r["city"] == "chicago" ? 1 : 0, Num(r["jobs"]), Num(r["experience"]), .. flags.Select(f => r[f] == "yes" ? 1.0 : 0)];
        return Stream("Résumé call-backs, 4,870 rows, by ethnicity", rows, Features, r => r["call"] == "yes" ? 1 : 0, r => r["ethnicity"], seed: 24);
    }

    /// <summary>2,000 CPS 2008 rows, 15 % women, with 1 % of outputs replaced by ±10⁶ (a broken feature upstream).</summary>
    public static GoalStream CpsOutliers()
    {
        var s = CpsSample(300, 1_700, seed: 25, out var rng);
        var outputs = s.Outputs.Select(v => rng.NextDouble() < 0.01 ? (rng.Next(2) == 0 ? -1e6 : 1e6) : v).ToArray();
        return s with { Name = "CPS 2008, 2,000 rows, 1 % outputs ±10⁶", Outputs = outputs };
    }

    /// <summary>3,000 CPS 2008 rows, 30 % women; women's outputs drift up by 0.5 and men's down by 0.2 over the stream (truth too).</summary>
    public static GoalStream CpsGradualDrift()
    {
        var s = CpsSample(900, 2_100, seed: 26, out _);
        double Drift(int i) => (double)i / s.Outputs.Length * (s.Groups[i] == "female" ? 0.5 : -0.2);
        return s with
        {
            Name = "CPS 2008, 3,000 rows, gradual drift",
            Outputs = [.. s.Outputs.Select((v, i) => v + Drift(i))],
            Truth = [.. s.Truth.Select((v, i) => v + Drift(i))],
        };
    }

    /// <summary>5,000 CPS 2008 rows grouped by gender × age (≈ 88 natural groups of ≈ 25–90 rows).</summary>
    public static GoalStream CpsGenderByAge()
    {
        var (rows, model) = GuardGoalStreams.Cps();
        var rng = new Random(27);
        var stream = rows.OrderBy(_ => rng.Next()).Take(5_000).ToArray();
        return new GoalStream(
            "CPS 2008, 5,000 rows, gender × age (≈ 88 groups)",
            [.. stream.Select(model)],
            [.. stream.Select(r => r.Gender + r.Age.ToString(CultureInfo.InvariantCulture))],
            [.. stream.Select(r => Math.Log(r.Earnings))]);
    }

    private static GoalStream CpsSample(int women, int men, int seed, out Random rng)
    {
        var (rows, model) = GuardGoalStreams.Cps();
        var r = new Random(seed);
        var stream = rows.Where(x => x.Gender == "female").OrderBy(_ => r.Next()).Take(women)
            .Concat(rows.Where(x => x.Gender == "male").OrderBy(_ => r.Next()).Take(men))
            .OrderBy(_ => r.Next()).ToArray();
        rng = r;
        return new GoalStream("", [.. stream.Select(model)], [.. stream.Select(x => x.Gender)], [.. stream.Select(x => Math.Log(x.Earnings))]);
    }

    private static GoalStream Stream(
        string name,
        Dictionary<string, string>[] rows,
        Func<Dictionary<string, string>, double[]> features,
        Func<Dictionary<string, string>, double> truth,
        Func<Dictionary<string, string>, string> group,
        int seed)
    {
        var x = rows.Select(features).ToArray();
        var y = rows.Select(truth).ToArray();
        var beta = MultipleRegression.QR(x, y, intercept: false);
        var order = Enumerable.Range(0, rows.Length).ToArray();
        new Random(seed).Shuffle(order);
        return new GoalStream(name, [.. order.Select(i => x[i].Select((v, j) => v * beta[j]).Sum())], [.. order.Select(i => group(rows[i]))], [.. order.Select(i => y[i])]);
    }

    // Rows of a quoted, comma-separated file with a header; rows with a missing ("?" or "NA") value in a used column are kept
    // only when the column is not read (Communities has "?" only in columns these streams do not read).
    private static Dictionary<string, string>[] Rows(string file)
    {
        var lines = File.ReadAllLines(GuardGoalStreams.DataPath(file));
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',').Select(f => f.Trim('"')).ToArray())
            .Where(f => f.Length == header.Length)
            .Select(f => header.Zip(f).ToDictionary(p => p.First, p => p.Second))];
    }

    private static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
