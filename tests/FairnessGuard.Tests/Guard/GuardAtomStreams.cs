namespace FairnessGuard.Tests.Guard;

/// <summary>
/// Seeded streams of discrete outputs (docs/guard.md, "Atoms"): a count of <c>levels − 1</c> coin flips per output
/// (levels 2: a 0/1 decision; 5: a 0–4 rating), the minority's coin biased down by <c>gap</c>; 15 % minority. The truth
/// is the unbiased count plus noise, so the gap is the model's error.
/// </summary>
internal static class GuardAtomStreams
{
    public const int Seeds = 12;

    public static IEnumerable<(int Levels, double Gap, GoalStream Stream)> All(int rows = 1000)
    {
        foreach (var levels in new[] { 2, 5 })
        {
            foreach (var gap in new[] { 0.0, 0.1, 0.2 })
            {
                for (var seed = 1; seed <= Seeds; seed++)
                {
                    yield return (levels, gap, Stream(levels, gap, rows, seed * 101));
                }
            }
        }
    }

    public static GoalStream Stream(int levels, double gap, int rows, int seed)
    {
        var rng = new Random(seed);
        var groups = new string[rows];
        var outputs = new double[rows];
        var truth = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            groups[i] = rng.NextDouble() < 0.15 ? "a" : "b";
            var p = 0.5 - (groups[i] == "a" ? gap : 0);
            var k = 0;
            for (var j = 0; j < levels - 1; j++)
            {
                k += rng.NextDouble() < p ? 1 : 0;
            }

            outputs[i] = k;
            truth[i] = k + (groups[i] == "a" ? gap * (levels - 1) : 0) + (0.3 * (rng.NextDouble() - 0.5));
        }

        return new GoalStream($"{levels} levels, gap {gap}", outputs, groups, truth);
    }
}
