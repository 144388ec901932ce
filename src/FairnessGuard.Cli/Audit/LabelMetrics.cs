using FairnessGuard.Metrics;

namespace FairnessGuard.Cli.Audit;

/// <summary>
/// Error of the scores against true labels (the library's <see cref="ErrorRateReport{TGroup}"/>), per group and
/// overall. <see cref="Kind"/> and <see cref="PerGroup"/> keep the one-number summary of earlier versions:
/// accuracy of <c>score ≥ threshold</c> when every label is 0/1 and a threshold is given, else the MSE.
/// </summary>
/// <param name="Report">The full report: TPR/FPR/FNR/precision/accuracy with Wilson intervals, or MSE/MAE; gaps and reference group.</param>
internal sealed record LabelMetrics(ErrorRateReport<string> Report)
{
    /// <summary>"accuracy" or "mse".</summary>
    public string Kind => Report.Kind == LabelMetricKind.Classification ? "accuracy" : "mse";

    /// <summary>The summary value over all rows with a finite score and label.</summary>
    public double Overall => Summary(Report.Overall);

    /// <summary>The summary value per group, in the audit's group order.</summary>
    public IReadOnlyList<double> PerGroup => Report.Groups.Select(Summary).ToArray();

    private static double Summary(GroupErrorRates<string> g) => g.Accuracy?.Value ?? g.MeanSquaredError ?? double.NaN;
}

/// <summary>Fills <see cref="LabelMetrics"/> one row at a time (constant memory per group).</summary>
/// <param name="threshold">The decision threshold, if any.</param>
/// <param name="reference">The reference group asked for, if any (default: the largest).</param>
/// <param name="confidence">The Wilson intervals' confidence.</param>
internal sealed class LabelAccumulator(double? threshold, string? reference = null, double confidence = 0.95)
{
    private readonly ErrorRateAccumulator<string> _sums = new(threshold, StringComparer.Ordinal);

    /// <summary>Adds a row; rows whose score or label is missing are left out.</summary>
    public void Add(string group, double score, double label) => _sums.Add(group, score, label);

    /// <summary>The metrics for the groups in <paramref name="groupOrder"/>.</summary>
    /// <exception cref="Csv.CsvInputException">The reference group asked for is not in the data.</exception>
    public LabelMetrics ToMetrics(IReadOnlyList<string> groupOrder)
    {
        if (reference is not null && !groupOrder.Contains(reference, StringComparer.Ordinal))
        {
            var hint = Csv.TextCap.Closest(reference, groupOrder) is { } near ? $"; did you mean '{Csv.TextCap.Echo(near)}'?" : string.Empty;
            throw new Csv.CsvInputException($"--reference '{Csv.TextCap.Echo(reference)}' is not a group in the data{hint}");
        }

        return new(_sums.ToReport(groupOrder, reference, confidence));
    }
}
