namespace FairnessGuard.Metrics;

/// <summary>Which side of the decision threshold is the outcome a person wants (an approval, not a denial).</summary>
public enum FavorableOutcome
{
    /// <summary>A score at or above the threshold is favourable (e.g. a probability of approval). The default.</summary>
    High,

    /// <summary>A score below the threshold is favourable (e.g. a risk or denial score).</summary>
    Low,
}
