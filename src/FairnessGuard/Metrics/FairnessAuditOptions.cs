namespace FairnessGuard.Metrics;

/// <summary>Settings of <see cref="FairnessAudit"/>.</summary>
public sealed class FairnessAuditOptions
{
    /// <summary>The decision threshold t for selection rates (selected when y ≥ t); none when null.</summary>
    public double? Threshold { get; set; }

    /// <summary>
    /// Which side of <see cref="Threshold"/> is the favourable outcome: <see cref="FavorableOutcome.High"/>
    /// (selected when y ≥ t, the default) or <see cref="FavorableOutcome.Low"/> (selected when y &lt; t, for
    /// risk or denial scores). Selection rates, the DP ratio and the four-fifths flag are of the favourable outcome.
    /// </summary>
    public FavorableOutcome Favorable { get; set; } = FavorableOutcome.High;

    /// <summary>The confidence 1 − δ of the DKW lower bound, in (0, 1). Default 0.95.</summary>
    public double Confidence { get; set; } = 0.95;

    /// <summary>The quantile levels reported per group, each in [0, 1]. Default 0.1, 0.25, 0.5, 0.75, 0.9.</summary>
    public IReadOnlyList<double> QuantileLevels { get; set; } = [0.1, 0.25, 0.5, 0.75, 0.9];

    /// <summary>
    /// The most values per group fed to the O(m·n) MMD estimator; larger groups are subsampled without
    /// replacement with <see cref="Seed"/>. Default 1,000. 0 turns MMD off.
    /// </summary>
    public int MmdSampleCap { get; set; } = 1000;

    /// <summary>The seed of the MMD subsampling, for reproducible reports. Default 0.</summary>
    public int Seed { get; set; }

    internal void Validate()
    {
        if (!(Confidence > 0 && Confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "Confidence must be in (0, 1).");
        }

        if (Threshold is { } t && !double.IsFinite(t))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), t, "Threshold must be finite.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MmdSampleCap);
        if (Favorable is not (FavorableOutcome.High or FavorableOutcome.Low))
        {
            throw new ArgumentOutOfRangeException(nameof(Favorable), Favorable, "Favorable must be High or Low.");
        }
        ArgumentNullException.ThrowIfNull(QuantileLevels);
        foreach (var q in QuantileLevels)
        {
            if (!(q >= 0 && q <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(QuantileLevels), q, "Every quantile level must be in [0, 1].");
            }
        }
    }
}
