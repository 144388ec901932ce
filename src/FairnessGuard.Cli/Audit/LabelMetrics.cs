namespace FairnessGuard.Cli.Audit;

/// <summary>
/// Error of the scores against true labels, per group and overall: accuracy of the decision
/// <c>score ≥ threshold</c> when every label is 0 or 1 and a threshold is given, else the mean squared error.
/// </summary>
/// <param name="Kind">"accuracy" or "mse".</param>
/// <param name="Overall">The value over all rows with a finite score and label.</param>
/// <param name="PerGroup">The value per group, in the audit's group order.</param>
internal sealed record LabelMetrics(string Kind, double Overall, IReadOnlyList<double> PerGroup)
{
    /// <summary>Computes the metrics; rows whose score or label is missing are left out.</summary>
    public static LabelMetrics Compute(AuditData data, IReadOnlyList<string> groupOrder, double? threshold)
    {
        ArgumentNullException.ThrowIfNull(data.Labels);
        var labels = data.Labels;
        var binary = threshold is not null;
        for (var i = 0; binary && i < labels.Length; i++)
        {
            binary = double.IsNaN(labels[i]) || labels[i] is 0 or 1;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < groupOrder.Count; g++)
        {
            index[groupOrder[g]] = g;
        }

        var sums = new double[groupOrder.Count];
        var counts = new long[groupOrder.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            var (y, t) = (data.Scores[i], labels[i]);
            if (!double.IsFinite(y) || double.IsNaN(t) || !index.TryGetValue(data.Groups[i], out var g))
            {
                continue;
            }

            sums[g] += binary ? ((y >= threshold!.Value ? 1 : 0) == t ? 1 : 0) : (y - t) * (y - t);
            counts[g]++;
        }

        var perGroup = new double[sums.Length];
        for (var g = 0; g < sums.Length; g++)
        {
            perGroup[g] = counts[g] == 0 ? double.NaN : sums[g] / counts[g];
        }

        var total = counts.Sum();
        return new LabelMetrics(binary ? "accuracy" : "mse", total == 0 ? double.NaN : sums.Sum() / total, perGroup);
    }
}
