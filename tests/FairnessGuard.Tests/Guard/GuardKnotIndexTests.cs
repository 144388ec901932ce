using FairnessGuard.Correction;

namespace FairnessGuard.Tests.Guard;

/// <summary>
/// The guard's knot lookup (<see cref="KnotIndex.LowerBound"/>, on the prediction path) must be exact: the first knot
/// at or above y, as a plain binary search finds it, whatever its guide table holds — at and between knots, one ulp
/// either side of every knot and bucket edge, in atoms (runs of equal knots), on tiny and huge spans.
/// </summary>
public class GuardKnotIndexTests
{
    [Fact]
    public void LowerBoundIsTheFirstKnotAtOrAboveTheValue()
    {
        var random = new Random(17);
        for (var trial = 0; trial < 300; trial++)
        {
            var knots = Grid(random, trial);
            var index = new KnotIndex(knots);
            var probes = new List<double> { double.NegativeInfinity, double.PositiveInfinity, knots[0] - 1, knots[^1] + 1 };
            foreach (var k in knots)
            {
                probes.AddRange([k, Math.BitDecrement(k), Math.BitIncrement(k)]);
            }

            // Bucket edges: origin + b·span/K and their neighbours.
            var span = knots[^1] - knots[0];
            for (var b = 0; b <= knots.Length; b++)
            {
                var edge = knots[0] + (b * span / knots.Length);
                probes.AddRange([edge, Math.BitDecrement(edge), Math.BitIncrement(edge)]);
            }

            for (var i = 0; i < 200; i++)
            {
                probes.Add(knots[0] + ((random.NextDouble() * 1.2) - 0.1) * span);
            }

            foreach (var y in probes)
            {
                Assert.Equal(Expected(knots, y), index.LowerBound(y));
            }
        }
    }

    // The first index whose knot is >= y (the knot count when none is).
    private static int Expected(double[] knots, double y)
    {
        int lo = 0, hi = knots.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (knots[mid] >= y)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    // Sorted grids of 2 to 600 knots: smooth, with atoms, clustered at one end, on spans from 1e-12 to 1e12.
    private static double[] Grid(Random random, int trial)
    {
        var n = 2 + random.Next(trial % 3 == 0 ? 600 : 64);
        var scale = Math.Pow(10, random.Next(-12, 13));
        var shift = (random.NextDouble() - 0.5) * 10 * scale;
        var knots = new double[n];
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble();
            knots[i] = shift + (scale * (trial % 4) switch
            {
                0 => u,
                1 => Math.Round(u * 5) / 5,
                2 => u * u * u * u,
                _ => i == 0 ? 0 : u < 0.5 ? 0.25 : u,
            });
        }

        Array.Sort(knots);
        return knots;
    }
}
