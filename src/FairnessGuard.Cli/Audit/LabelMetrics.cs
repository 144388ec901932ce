namespace FairnessGuard.Cli.Audit;

/// <summary>
/// Error of the scores against true labels, per group and overall: accuracy of the decision
/// <c>score ≥ threshold</c> when every label is 0 or 1 and a threshold is given, else the mean squared error.
/// </summary>
/// <param name="Kind">"accuracy" or "mse".</param>
/// <param name="Overall">The value over all rows with a finite score and label.</param>
/// <param name="PerGroup">The value per group, in the audit's group order.</param>
internal sealed record LabelMetrics(string Kind, double Overall, IReadOnlyList<double> PerGroup);

/// <summary>Sums for <see cref="LabelMetrics"/>, filled one row at a time (constant memory per group).</summary>
internal sealed class LabelAccumulator(double? threshold)
{
    private readonly Dictionary<string, double[]> _sums = new(StringComparer.Ordinal);
    private bool _binary = threshold is not null;

    /// <summary>Adds a row; rows whose score or label is missing are left out.</summary>
    public void Add(string group, double score, double label)
    {
        if (!double.IsFinite(score) || double.IsNaN(label))
        {
            return;
        }

        if (!_sums.TryGetValue(group, out var s))
        {
            _sums[group] = s = new double[3];
        }

        _binary &= label is 0 or 1;
        s[0] += (score - label) * (score - label);
        s[1] += threshold is { } t && (score >= t ? 1 : 0) == label ? 1 : 0;
        s[2]++;
    }

    /// <summary>The metrics for the groups in <paramref name="groupOrder"/>.</summary>
    public LabelMetrics ToMetrics(IReadOnlyList<string> groupOrder)
    {
        var which = _binary ? 1 : 0;
        var perGroup = groupOrder.Select(g => _sums.TryGetValue(g, out var s) && s[2] > 0 ? s[which] / s[2] : double.NaN).ToArray();
        var total = _sums.Values.Sum(s => s[2]);
        return new LabelMetrics(_binary ? "accuracy" : "mse", total == 0 ? double.NaN : _sums.Values.Sum(s => s[which]) / total, perGroup);
    }
}
