namespace FairnessGuard.Correction;

/// <summary>Builds a <see cref="BarycenterMap"/> from the groups' distributions (off the hot path).</summary>
internal static class BarycenterMapBuilder
{
    /// <summary>
    /// Builds the map for the groups given by slot (null = not in play). Weights are the groups' shares of
    /// all samples of the groups in play, never of one call's groups. Fewer than two groups give an empty map.
    /// </summary>
    public static BarycenterMap Build(ReadOnlySpan<GroupDistribution?> bySlot, int knotCount, long version)
    {
        double total = 0;
        var active = 0;
        foreach (var d in bySlot)
        {
            if (d is { } g)
            {
                total += g.Count;
                active++;
            }
        }

        if (active < 2 || total <= 0)
        {
            return new BarycenterMap([], [], 0, version);
        }

        var knots = new KnotIndex?[bySlot.Length];
        var targets = new double[knotCount];
        for (var s = 0; s < bySlot.Length; s++)
        {
            if (bySlot[s] is not { } g)
            {
                continue;
            }

            var x = new double[knotCount];
            g.QuantilesOnGrid(x);
            knots[s] = new KnotIndex(x);
            var p = g.Count / total;
            for (var k = 0; k < knotCount; k++)
            {
                targets[k] += p * x[k];
            }
        }

        // Rounding in the weighted sum must not break monotonicity of the shared targets.
        for (var k = 1; k < knotCount; k++)
        {
            if (targets[k] < targets[k - 1])
            {
                targets[k] = targets[k - 1];
            }
        }

        return new BarycenterMap(knots, targets, active, version);
    }
}
