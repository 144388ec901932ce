namespace FairnessGuard.Correction;

/// <content>
/// Small-group shrinkage for the exact corrector (<see cref="BarycenterOptions.Shrinkage"/>): the same rule as the
/// online guard's (<see cref="ShrinkageRule"/>), with each group's KS distance to the rest measured exactly on the
/// fitted outputs.
/// </content>
public sealed partial class ExactBarycenterCorrector<TGroup>
{
    // w_s from the group's KS to the rest of the fitted outputs (ShrinkageRule), measured exactly on the pooled sample.
    private double[] ShrinkWeights(double confidence)
    {
        var total = 0;
        foreach (var g in _sorted)
        {
            total += g.Length;
        }

        var pooled = new double[total];
        var at = 0;
        foreach (var g in _sorted)
        {
            g.CopyTo(pooled, at);
            at += g.Length;
        }

        Array.Sort(pooled);
        var weights = new double[_sorted.Length];
        for (var s = 0; s < _sorted.Length; s++)
        {
            var versusRest = BarycenterMapBuilder.VersusRest(KsToPool(_sorted[s], pooled), _weights[s]);
            weights[s] = ShrinkageRule.Weight(_sorted[s].Length, total, versusRest, confidence);
        }

        return weights;
    }

    // Largest gap between a group's empirical CDF and the pooled one, at every distinct pooled value (the group's
    // values are among them, so every jump of either CDF is visited).
    private static double KsToPool(double[] own, double[] pooled)
    {
        double d = 0;
        int i = 0, j = 0;
        while (j < pooled.Length)
        {
            var x = pooled[j];
            while (j < pooled.Length && pooled[j] <= x)
            {
                j++;
            }

            while (i < own.Length && own[i] <= x)
            {
                i++;
            }

            d = Math.Max(d, Math.Abs((i / (double)own.Length) - (j / (double)pooled.Length)));
        }

        return d;
    }
}
