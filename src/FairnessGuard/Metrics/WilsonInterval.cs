namespace FairnessGuard.Metrics;

/// <summary>A proportion with its Wilson score interval (good at small counts and near 0 or 1, unlike the normal approximation).</summary>
/// <param name="Successes">The count of successes.</param>
/// <param name="Trials">The count of trials; 0 gives NaN everywhere.</param>
/// <param name="Value">Successes / trials.</param>
/// <param name="Low">The interval's lower end.</param>
/// <param name="High">The interval's upper end.</param>
public sealed record RateEstimate(long Successes, long Trials, double Value, double Low, double High);

/// <summary>The Wilson score interval of a binomial proportion.</summary>
public static class WilsonInterval
{
    /// <summary>The rate <paramref name="successes"/>/<paramref name="trials"/> with its two-sided Wilson interval at <paramref name="confidence"/>.</summary>
    /// <param name="successes">Successes, in [0, trials].</param>
    /// <param name="trials">Trials, at least 0.</param>
    /// <param name="confidence">Two-sided confidence in (0, 1). Default 0.95.</param>
    /// <returns>The estimate; NaN value and bounds when <paramref name="trials"/> is 0.</returns>
    public static RateEstimate Compute(long successes, long trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, "successes must be in [0, trials].");
        }

        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must be in (0, 1).");
        }

        if (trials == 0)
        {
            return new RateEstimate(0, 0, double.NaN, double.NaN, double.NaN);
        }

        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return new RateEstimate(successes, trials, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
