namespace FairnessGuard.ML;

/// <summary>How several group columns are combined.</summary>
public enum GroupCombination
{
    /// <summary>One correction over the intersection cells (every combination of values seen in calibration).</summary>
    Intersection = 0,

    /// <summary>One correction per column, applied in the order given, each fitted on the previous one's output.</summary>
    Sequential = 1,
}

/// <summary>What a row whose group is missing (empty text, NaN, key 0) or was not seen in calibration gets.</summary>
public enum UnseenGroupFallback
{
    /// <summary>The raw score, unchanged (the default).</summary>
    PassThrough = 0,

    /// <summary>The correction of the largest calibration group.</summary>
    LargestGroup = 1,
}

/// <summary>Settings of <see cref="DemographicParityEstimator"/>.</summary>
public sealed class DemographicParityOptions
{
    /// <summary>The group (sensitive attribute) columns; at least one. Text, boolean, key or numeric scalars.</summary>
    public IReadOnlyList<string> GroupColumnNames { get; set; } = [];

    /// <summary>How several group columns are combined. Default <see cref="GroupCombination.Intersection"/>.</summary>
    public GroupCombination Combination { get; set; } = GroupCombination.Intersection;

    /// <summary>The score column (Single or Double scalar) to correct. Default "Score".</summary>
    public string ScoreColumnName { get; set; } = "Score";

    /// <summary>
    /// The corrected score's column; null (the default) corrects in place, and then a "Probability" and a
    /// "PredictedLabel" column present in the input are corrected and re-derived too. With another name only
    /// that column is added.
    /// </summary>
    public string? OutputColumnName { get; set; }

    /// <summary>The probability column of a binary classifier, corrected in place when present. Default "Probability".</summary>
    public string ProbabilityColumnName { get; set; } = "Probability";

    /// <summary>The boolean decision column, re-derived as <c>Score &gt; Threshold</c> when present. Default "PredictedLabel".</summary>
    public string PredictedLabelColumnName { get; set; } = "PredictedLabel";

    /// <summary>The score threshold of the decision; 0, ML.NET's binary-classification threshold on Score, by default.</summary>
    public double Threshold { get; set; }

    /// <summary>The strength λ in [0, 1]: output <c>(1 − λ)·y + λ·y'</c>. Default 1 (full demographic parity).</summary>
    public double Strength { get; set; } = 1.0;

    /// <summary>The seed of the tie-breaking draws inside atoms of the score distribution.</summary>
    public ulong Seed { get; set; }

    /// <summary>What a missing or unseen group gets. Default <see cref="UnseenGroupFallback.PassThrough"/>.</summary>
    public UnseenGroupFallback UnseenGroup { get; set; } = UnseenGroupFallback.PassThrough;

    internal DemographicParityOptions Validated()
    {
        if (GroupColumnNames is null || GroupColumnNames.Count == 0)
        {
            throw new ArgumentException("GroupColumnNames needs at least one column.", nameof(GroupColumnNames));
        }

        foreach (var name in GroupColumnNames)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(GroupColumnNames));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(ScoreColumnName);
        if (!(Strength >= 0 && Strength <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Strength), Strength, "Strength (λ) must be in [0, 1].");
        }

        if (!double.IsFinite(Threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "Threshold must be finite.");
        }

        return new DemographicParityOptions
        {
            GroupColumnNames = [.. GroupColumnNames],
            Combination = Combination,
            ScoreColumnName = ScoreColumnName,
            OutputColumnName = OutputColumnName,
            ProbabilityColumnName = ProbabilityColumnName,
            PredictedLabelColumnName = PredictedLabelColumnName,
            Threshold = Threshold,
            Strength = Strength,
            Seed = Seed,
            UnseenGroup = UnseenGroup,
        };
    }

    internal bool InPlace => OutputColumnName is null || OutputColumnName == ScoreColumnName;
}
