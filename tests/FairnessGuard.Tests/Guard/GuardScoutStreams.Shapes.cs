using BarycenterDemo;

namespace FairnessGuard.Tests.Guard;

/// <content>Scout streams whose shape is in the order of arrival, the keys or the output's form.</content>
internal static partial class GuardScoutStreams
{
    /// <summary>2,000 CPS rows, 15 % women, arriving in batches of 250 rows, each batch listing its women first.</summary>
    private static ScoutStream CpsBatchBlocks()
    {
        var s = CpsSample(300, 1_700, 320);
        var order = Enumerable.Range(0, s.Outputs.Length)
            .OrderBy(i => i / 250).ThenBy(i => s.Groups[i] == "female" ? 0 : 1).ThenBy(i => i).ToArray();
        return new ScoutStream(Reorder(s, order) with { Name = "CPS 2008, 2,000 rows, 250-row batches, women first in each" });
    }

    /// <summary>2,000 CPS rows, 20 % women: 300 women, then 900 men, then 100 women and 700 men mixed (an arrival in blocks).</summary>
    private static ScoutStream CpsGroupBlocks()
    {
        var s = CpsSample(400, 1_600, 341);
        var women = Enumerable.Range(0, s.Outputs.Length).Where(i => s.Groups[i] == "female").ToArray();
        var men = Enumerable.Range(0, s.Outputs.Length).Where(i => s.Groups[i] == "male").ToArray();
        var mixed = women[300..].Concat(men[900..]).OrderBy(i => new Random(i).Next()).ToArray();
        int[] order = [.. women[..300], .. men[..900], .. mixed];
        return new ScoutStream(Reorder(s, order) with { Name = "CPS 2008, 2,000 rows: 300 women, then 900 men, then 800 mixed" });
    }

    /// <summary>3,000 CPS rows in three regions; the South (≈ 30 %) only arrives in the second half.</summary>
    private static ScoutStream CpsLateGroup()
    {
        var (rows, model) = GuardGoalStreams.Cps();
        var rng = new Random(321);
        CpsRow[] Take(string region, int n) => [.. rows.Where(r => r.Region == region).OrderBy(_ => rng.Next()).Take(n)];
        var first = Take("Northeast", 750).Concat(Take("Midwest", 750)).OrderBy(_ => rng.Next());
        var second = Take("Northeast", 300).Concat(Take("Midwest", 300)).Concat(Take("South", 900)).OrderBy(_ => rng.Next());
        var pick = first.Concat(second).ToArray();
        return new ScoutStream(new GoalStream(
            "CPS 2008, 3,000 rows by region, South only in the second half",
            [.. pick.Select(model)],
            [.. pick.Select(r => r.Region)],
            [.. pick.Select(r => Math.Log(r.Earnings))]));
    }

    /// <summary>
    /// 1,500 CPS rows, 12 % women: the number of thresholds (the model's quantiles over all CPS rows) the output passes,
    /// so one threshold gives a 0/1 decision and three a 0–3 grade; the truth is the same count for the true earnings.
    /// </summary>
    private static ScoutStream CpsThresholds(string name, double[] quantiles, int seed)
    {
        var (rows, model) = GuardGoalStreams.Cps();
        var all = rows.Select(model).Order().ToArray();
        var cuts = quantiles.Select(q => all[(int)(q * (all.Length - 1))]).ToArray();
        var truths = rows.Select(r => Math.Log(r.Earnings)).Order().ToArray();
        var truthCuts = quantiles.Select(q => truths[(int)(q * (truths.Length - 1))]).ToArray();
        var s = CpsSample(180, 1_320, seed);
        return new ScoutStream(s with
        {
            Name = name,
            Outputs = [.. s.Outputs.Select(v => (double)cuts.Count(c => v >= c))],
            Truth = [.. s.Truth.Select(v => (double)truthCuts.Count(c => v >= c))],
        });
    }

    /// <summary>
    /// SLID 1994, 1,500 rows keyed by (sex, language), French-speaking women left out (an empty cell), replayed through
    /// a <c>ParityGuard&lt;(string, string)&gt;</c>.
    /// </summary>
    private static ScoutStream SlidTuples()
    {
        var (rows, model) = Slid();
        var rng = new Random(324);
        var pick = rows.Where(r => !(r.Sex == "Female" && r.Language == "French")).OrderBy(_ => rng.Next()).Take(1_500).ToArray();
        return new ScoutStream(
            new GoalStream("SLID 1994, 1,500 rows, (sex, language) tuples, one empty cell", [.. pick.Select(model)], [.. pick.Select(r => r.Sex + "|" + r.Language)], [.. pick.Select(r => Math.Log(r.Wage))]),
            TupleKeys: true);
    }

    /// <summary>
    /// 1,500 CPS rows, 15 % women, whose key is written "female", "Female" or " female" by three upstream systems: the
    /// guard sees four groups (string keys are compared ordinally), so the women are split three ways.
    /// </summary>
    private static ScoutStream CpsCaseKeys()
    {
        var s = CpsSample(225, 1_275, 325);
        string[] spellings = ["female", "Female", " female"];
        var k = 0;
        return new ScoutStream(s with
        {
            Name = "CPS 2008, 1,500 rows, 15 % women keyed \"female\"/\"Female\"/\" female\"",
            Groups = [.. s.Groups.Select(g => g == "female" ? spellings[k++ % 3] : g)],
        });
    }

    /// <summary>1,200 CPS rows in four groups by a seeded die (40/30/20/10 %): already fair, 3–4 groups of a few hundred.</summary>
    private static ScoutStream CpsFairFourGroups()
    {
        var (rows, model) = GuardGoalStreams.Cps();
        var rng = new Random(326);
        var pick = rows.OrderBy(_ => rng.Next()).Take(1_200).ToArray();
        string Die()
        {
            var u = rng.NextDouble();
            return u < 0.4 ? "a" : u < 0.7 ? "b" : u < 0.9 ? "c" : "d";
        }

        return Of("CPS 2008, 1,200 rows, 4 groups by a die (already fair)", pick, model, _ => Die());
    }

    /// <summary>1,500 CPS rows, 20 % women, outputs floored at the model's 30th percentile: an atom under a continuous part.</summary>
    private static ScoutStream CpsCensored()
    {
        var (rows, model) = GuardGoalStreams.Cps();
        var floor = rows.Select(model).Order().ElementAt(rows.Length * 3 / 10);
        var s = CpsSample(300, 1_200, 327);
        return new ScoutStream(s with
        {
            Name = "CPS 2008, 1,500 rows, 20 % women, outputs floored at the 30th percentile",
            Outputs = [.. s.Outputs.Select(v => Math.Max(v, floor))],
        });
    }

    private static GoalStream Reorder(GoalStream s, int[] order) =>
        s with { Outputs = [.. order.Select(i => s.Outputs[i])], Groups = [.. order.Select(i => s.Groups[i])], Truth = [.. order.Select(i => s.Truth[i])] };
}
