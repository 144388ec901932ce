namespace FairnessGuard.Metrics;

/// <summary>Whether label metrics are of a classifier's decisions or of a regression.</summary>
public enum LabelMetricKind
{
    /// <summary>Labels are 0/1 and a threshold turns scores into decisions: confusion-matrix rates.</summary>
    Classification,

    /// <summary>Labels are numbers: squared and absolute error of the score.</summary>
    Regression,
}

/// <summary>
/// One group's error against the labels. Classification (decision <c>score ≥ t</c> = predicted 1, label 1 =
/// actual positive): TPR, FPR, FNR, precision and accuracy, each a <see cref="RateEstimate"/> with its Wilson
/// interval. Regression: MSE and MAE. The other kind's fields are null.
/// </summary>
/// <param name="Group">The group.</param>
/// <param name="Count">Rows with a finite score and a label.</param>
/// <param name="TruePositiveRate">TP / (TP + FN): recall, the equal-opportunity rate.</param>
/// <param name="FalsePositiveRate">FP / (FP + TN).</param>
/// <param name="FalseNegativeRate">FN / (TP + FN).</param>
/// <param name="Precision">TP / (TP + FP).</param>
/// <param name="Accuracy">(TP + TN) / n.</param>
/// <param name="MeanSquaredError">Mean of (score − label)².</param>
/// <param name="MeanAbsoluteError">Mean of |score − label|.</param>
/// <typeparam name="TGroup">The group key type.</typeparam>
public sealed record GroupErrorRates<TGroup>(
    TGroup Group,
    long Count,
    RateEstimate? TruePositiveRate,
    RateEstimate? FalsePositiveRate,
    RateEstimate? FalseNegativeRate,
    RateEstimate? Precision,
    RateEstimate? Accuracy,
    double? MeanSquaredError,
    double? MeanAbsoluteError);

/// <summary>
/// Error rates per group and their gaps: the equal-opportunity difference (largest − smallest TPR), the
/// equalized-odds difference (the larger of the TPR and FPR gaps), as fairlearn defines them, and each
/// group's disparity to a reference group.
/// </summary>
/// <param name="Kind">Classification or regression.</param>
/// <param name="Groups">Per group, in the order given.</param>
/// <param name="Overall">All groups pooled (its <c>Group</c> is the reference group's key, unused).</param>
/// <param name="Reference">The reference group (default: the largest).</param>
/// <param name="EqualOpportunityDifference">Largest − smallest TPR over groups with positives; null for regression.</param>
/// <param name="EqualizedOddsDifference">max(TPR gap, FPR gap); null for regression.</param>
/// <param name="Confidence">The confidence of the Wilson intervals.</param>
/// <typeparam name="TGroup">The group key type.</typeparam>
public sealed record ErrorRateReport<TGroup>(
    LabelMetricKind Kind,
    IReadOnlyList<GroupErrorRates<TGroup>> Groups,
    GroupErrorRates<TGroup> Overall,
    TGroup Reference,
    double? EqualOpportunityDifference,
    double? EqualizedOddsDifference,
    double Confidence)
{
    /// <summary>A group's TPR minus the reference group's (NaN when either is undefined); null for regression.</summary>
    public double? TprDisparity(GroupErrorRates<TGroup> group) => Disparity(group?.TruePositiveRate, Find(Reference)?.TruePositiveRate);

    /// <summary>A group's FPR minus the reference group's; null for regression.</summary>
    public double? FprDisparity(GroupErrorRates<TGroup> group) => Disparity(group?.FalsePositiveRate, Find(Reference)?.FalsePositiveRate);

    /// <summary>A group's accuracy (classification) or MSE (regression) minus the reference group's.</summary>
    public double? ErrorDisparity(GroupErrorRates<TGroup> group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var reference = Find(Reference);
        return Kind == LabelMetricKind.Classification
            ? Disparity(group.Accuracy, reference?.Accuracy)
            : group.MeanSquaredError - reference?.MeanSquaredError;
    }

    private static double? Disparity(RateEstimate? a, RateEstimate? b) => a is null || b is null ? null : a.Value - b.Value;

    private GroupErrorRates<TGroup>? Find(TGroup group) => Groups.FirstOrDefault(g => EqualityComparer<TGroup>.Default.Equals(g.Group, group));
}

/// <summary>
/// Accumulates error rates one row at a time (constant memory per group), for exact and streaming audits alike.
/// Rows with a non-finite score or a NaN label are left out.
/// </summary>
/// <typeparam name="TGroup">The group key type.</typeparam>
public sealed class ErrorRateAccumulator<TGroup>
    where TGroup : notnull
{
    private readonly Dictionary<TGroup, Sums> _sums;
    private readonly double? _threshold;
    private bool _binary;

    /// <summary>Creates the accumulator.</summary>
    /// <param name="threshold">The decision threshold (predicted 1 when score ≥ t); without one the metrics are regression's.</param>
    /// <param name="comparer">The group comparer; default when null.</param>
    public ErrorRateAccumulator(double? threshold, IEqualityComparer<TGroup>? comparer = null)
    {
        _threshold = threshold;
        _binary = threshold is not null;
        _sums = new Dictionary<TGroup, Sums>(comparer);
    }

    /// <summary>Adds one row.</summary>
    /// <param name="group">The row's group.</param>
    /// <param name="score">The model output.</param>
    /// <param name="label">The true outcome (0/1 for classification).</param>
    public void Add(TGroup group, double score, double label)
    {
        if (!double.IsFinite(score) || double.IsNaN(label))
        {
            return;
        }

        if (!_sums.TryGetValue(group, out var s))
        {
            _sums[group] = s = new Sums();
        }

        _binary &= label is 0 or 1;
        s.Add(score, label, _threshold);
    }

    /// <summary>The report for <paramref name="groupOrder"/>.</summary>
    /// <param name="groupOrder">The groups, in report order (groups never added get empty rows).</param>
    /// <param name="reference">The reference group; default the largest.</param>
    /// <param name="confidence">The Wilson intervals' confidence.</param>
    /// <returns>The report.</returns>
    public ErrorRateReport<TGroup> ToReport(IReadOnlyList<TGroup> groupOrder, TGroup? reference = default, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(groupOrder);
        if (groupOrder.Count == 0)
        {
            throw new ArgumentException("At least one group is needed.", nameof(groupOrder));
        }

        var kind = _binary ? LabelMetricKind.Classification : LabelMetricKind.Regression;
        var rows = groupOrder.Select(g => Row(g, _sums.TryGetValue(g, out var s) ? s : new Sums(), kind, confidence)).ToArray();
        var pooled = new Sums();
        foreach (var s in _sums.Values)
        {
            pooled.Merge(s);
        }

        var referenceGroup = reference is not null && groupOrder.Contains(reference, _sums.Comparer)
            ? reference
            : rows.OrderByDescending(r => r.Count).First().Group;
        double? eo = null, eodds = null;
        if (kind == LabelMetricKind.Classification)
        {
            var tpr = rows.Select(r => r.TruePositiveRate!.Value).Where(double.IsFinite).ToArray();
            var fpr = rows.Select(r => r.FalsePositiveRate!.Value).Where(double.IsFinite).ToArray();
            eo = tpr.Length == 0 ? double.NaN : tpr.Max() - tpr.Min();
            var fprGap = fpr.Length == 0 ? double.NaN : fpr.Max() - fpr.Min();
            eodds = double.IsNaN(eo.Value) ? fprGap : double.IsNaN(fprGap) ? eo : Math.Max(eo.Value, fprGap);
        }

        return new ErrorRateReport<TGroup>(kind, rows, Row(referenceGroup, pooled, kind, confidence), referenceGroup, eo, eodds, confidence);
    }

    private static GroupErrorRates<TGroup> Row(TGroup group, Sums s, LabelMetricKind kind, double confidence)
    {
        if (kind == LabelMetricKind.Regression)
        {
            return new GroupErrorRates<TGroup>(group, s.Count, null, null, null, null, null, s.Count == 0 ? double.NaN : s.SquaredError / s.Count, s.Count == 0 ? double.NaN : s.AbsoluteError / s.Count);
        }

        return new GroupErrorRates<TGroup>(
            group,
            s.Count,
            WilsonInterval.Compute(s.TruePositive, s.TruePositive + s.FalseNegative, confidence),
            WilsonInterval.Compute(s.FalsePositive, s.FalsePositive + s.TrueNegative, confidence),
            WilsonInterval.Compute(s.FalseNegative, s.TruePositive + s.FalseNegative, confidence),
            WilsonInterval.Compute(s.TruePositive, s.TruePositive + s.FalsePositive, confidence),
            WilsonInterval.Compute(s.TruePositive + s.TrueNegative, s.Count, confidence),
            null,
            null);
    }

    private sealed class Sums
    {
        public long Count { get; private set; }

        public long TruePositive { get; private set; }

        public long FalsePositive { get; private set; }

        public long TrueNegative { get; private set; }

        public long FalseNegative { get; private set; }

        public double SquaredError { get; private set; }

        public double AbsoluteError { get; private set; }

        public void Add(double score, double label, double? threshold)
        {
            Count++;
            SquaredError += (score - label) * (score - label);
            AbsoluteError += Math.Abs(score - label);
            if (threshold is { } t && label is 0 or 1)
            {
                var predicted = score >= t;
                var actual = label == 1;
                TruePositive += predicted && actual ? 1 : 0;
                FalsePositive += predicted && !actual ? 1 : 0;
                TrueNegative += !predicted && !actual ? 1 : 0;
                FalseNegative += !predicted && actual ? 1 : 0;
            }
        }

        public void Merge(Sums other)
        {
            Count += other.Count;
            TruePositive += other.TruePositive;
            FalsePositive += other.FalsePositive;
            TrueNegative += other.TrueNegative;
            FalseNegative += other.FalseNegative;
            SquaredError += other.SquaredError;
            AbsoluteError += other.AbsoluteError;
        }
    }
}
