using BarycenterDemo;

namespace FairnessGuard.Tests.Guard;

/// <summary>
/// Seeded families of short prediction streams for the do-no-harm and shrinkage rules (docs/guard.md, "Seeded
/// families"): CPS 2008 rows resampled with groups drawn by a coin (fair) or by gender (the unaware model's gap), at
/// several sizes and minority shares, and synthetic normal outputs with a bias δ on one group (δ = 0: fair). Twelve
/// seeds per family, so a rule is judged on how often it meets the criterion, not on one draw.
/// </summary>
internal static class GuardFamilyStreams
{
    public const int Seeds = 12;

    /// <summary>Every stream of every family; <c>Fair</c> marks the families whose groups are equal in law.</summary>
    public static IEnumerable<(string Family, bool Fair, GoalStream Stream)> All()
    {
        var (rows, model) = GuardGoalStreams.Cps();
        var women = rows.Where(r => r.Gender == "female").ToArray();
        var men = rows.Where(r => r.Gender == "male").ToArray();
        foreach (var (n, share) in new[] { (400, 0.1), (1000, 0.12), (1500, 0.3), (3000, 0.12) })
        {
            foreach (var byCoin in new[] { true, false })
            {
                for (var seed = 1; seed <= Seeds; seed++)
                {
                    var rng = new Random((seed * 7919) + n);
                    var minority = (int)(n * share);
                    CpsRow[] pick;
                    string[] groups;
                    if (byCoin)
                    {
                        pick = [.. Enumerable.Range(0, n).Select(_ => rows[rng.Next(rows.Length)])];
                        groups = [.. pick.Select((_, i) => i < minority ? "a" : "b")];
                        var order = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
                        pick = [.. order.Select(i => pick[i])];
                        groups = [.. order.Select(i => groups[i])];
                    }
                    else
                    {
                        pick = [.. Enumerable.Range(0, minority).Select(_ => women[rng.Next(women.Length)])
                            .Concat(Enumerable.Range(0, n - minority).Select(_ => men[rng.Next(men.Length)]))
                            .OrderBy(_ => rng.Next())];
                        groups = [.. pick.Select(r => r.Gender)];
                    }

                    var name = $"CPS 2008 by {(byCoin ? "a coin" : "gender")}, {n:N0} rows, {share:P0} minority";
                    yield return (name, byCoin, new GoalStream(name, [.. pick.Select(model)], groups, [.. pick.Select(r => Math.Log(r.Earnings))]));
                }
            }
        }

        foreach (var (k, delta, n) in new[] { (2, 0.0, 800), (2, 0.15, 800), (2, 0.3, 800), (6, 0.0, 1500), (6, 0.2, 1500), (20, 0.0, 3000) })
        {
            for (var seed = 1; seed <= Seeds; seed++)
            {
                var rng = new Random((seed * 31) + k);
                var outputs = new double[n];
                var groups = new string[n];
                var truth = new double[n];
                for (var i = 0; i < n; i++)
                {
                    // Group 0 takes half the rows plus its share of the rest; the others share the remainder.
                    var g = rng.Next(k) == 0 ? 0 : rng.Next(k);
                    truth[i] = Normal(rng);
                    outputs[i] = (0.8 * truth[i]) + (0.3 * Normal(rng)) + (g == 0 ? delta : 0);
                    groups[i] = "g" + g;
                }

                var name = $"normal, {k} groups, δ = {delta} on group 0, {n:N0} rows";
                yield return (name, delta == 0, new GoalStream(name, outputs, groups, truth));
            }
        }
    }

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
