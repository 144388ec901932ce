using System.Globalization;

namespace FairnessGuard.Tests.Guard;

/// <content>Scout streams at the edges: a file sorted by score, a change in the groups' shares, a constant group, missing outputs, ≈ 300 cells.</content>
internal static partial class GuardScoutStreams
{
    /// <summary>1,500 CPS rows, 20 % women, replayed in ascending order of the model's output (a file sorted by score).</summary>
    private static ScoutStream CpsSortedByOutput()
    {
        var s = CpsSample(300, 1_200, 330);
        var order = Enumerable.Range(0, s.Outputs.Length).OrderBy(i => s.Outputs[i]).ThenBy(i => i).ToArray();
        return new ScoutStream(Reorder(s, order) with { Name = "CPS 2008, 1,500 rows, 20 % women, sorted by output" });
    }

    /// <summary>2,000 CPS rows: 10 % women in the first half, 50 % in the second (the groups' shares change, not their outputs).</summary>
    private static ScoutStream CpsShareShift()
    {
        var first = CpsSample(100, 900, 331);
        var second = CpsSample(500, 500, 332);
        return new ScoutStream(new GoalStream(
            "CPS 2008, 2,000 rows, women 10 % then 50 %",
            [.. first.Outputs, .. second.Outputs],
            [.. first.Groups, .. second.Groups],
            [.. first.Truth, .. second.Truth]));
    }

    /// <summary>1,500 CPS rows, 12 % women, and 10 % of rows in a third group whose output is one constant (a fixed rule for them).</summary>
    private static ScoutStream CpsConstantGroup()
    {
        var s = CpsSample(180, 1_320, 333);
        var rng = new Random(334);
        var rule = s.Outputs.Order().ElementAt(s.Outputs.Length / 2);
        var toRule = s.Outputs.Select(_ => rng.NextDouble() < 0.1).ToArray();
        return new ScoutStream(s with
        {
            Name = "CPS 2008, 1,500 rows, 12 % women + 10 % 'rule' group at one constant output",
            Outputs = [.. s.Outputs.Select((v, i) => toRule[i] ? rule : v)],
            Groups = [.. s.Groups.Select((g, i) => toRule[i] ? "rule" : g)],
        });
    }

    /// <summary>2,000 CPS rows, 20 % women, a quarter of the women's outputs NaN (a feature missing upstream; truth kept).</summary>
    private static ScoutStream CpsMissingOutputs()
    {
        var s = CpsSample(400, 1_600, 335);
        var rng = new Random(336);
        return new ScoutStream(s with
        {
            Name = "CPS 2008, 2,000 rows, 20 % women, 25 % of women's outputs NaN",
            Outputs = [.. s.Outputs.Select((v, i) => s.Groups[i] == "female" && rng.NextDouble() < 0.25 ? double.NaN : v)],
        });
    }

    /// <summary>3,000 CPS rows keyed by gender × age × region (≈ 350 cells of 1–40 rows): past the inline-build limit.</summary>
    private static ScoutStream CpsManyCells()
    {
        var (rows, model) = GuardGoalStreams.Cps();
        var rng = new Random(337);
        var pick = rows.OrderBy(_ => rng.Next()).Take(3_000).ToArray();
        return Of("CPS 2008, 3,000 rows, gender × age × region (≈ 350 cells)", pick, model, r => r.Gender[..1] + r.Age.ToString(CultureInfo.InvariantCulture) + r.Region[..2]);
    }

    /// <summary>
    /// CPS rows in two groups, by a seeded coin (fair) or by gender; half-way every output and truth rises by 0.5 (a change
    /// that hits everyone alike, as inflation or a new data feed would).
    /// </summary>
    private static ScoutStream CpsCommonShift(string name, double share, int n, int seed, bool byGender = false)
    {
        var (rows, model) = GuardGoalStreams.Cps();
        var rng = new Random(seed);
        var women = (int)(share * n);
        var pick = byGender ? CpsSample(women, n - women, seed) : null;
        var coin = rows.OrderBy(_ => rng.Next()).Take(n).ToArray();
        var outputs = pick?.Outputs ?? [.. coin.Select(model)];
        var truth = pick?.Truth ?? [.. coin.Select(r => Math.Log(r.Earnings))];
        var groups = pick?.Groups ?? [.. coin.Select(_ => rng.NextDouble() < share ? "a" : "b")];
        double Shift(int i) => i < n / 2 ? 0 : 0.5;
        return new ScoutStream(new GoalStream(name, [.. outputs.Select((v, i) => v + Shift(i))], groups, [.. truth.Select((v, i) => v + Shift(i))]));
    }
}
