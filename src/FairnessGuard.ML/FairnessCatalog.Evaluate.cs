using FairnessGuard.Metrics;
using FairnessGuard.ML.Data;
using MathNet.Numerics.Distributions;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FairnessGuard.ML;

/// <content>Fairness evaluation of an <see cref="IDataView"/>.</content>
public sealed partial class FairnessCatalog
{
    /// <summary>
    /// Evaluates the fairness of a score column across the groups of a column: per-group count, mean, quantiles
    /// and selection rate with its Wilson interval; KS unfairness with its DKW bound, DP difference and ratio (from
    /// <see cref="FairnessAudit"/>, same numbers on the same rows); with a label, accuracy or MSE and TPR/FPR/FNR,
    /// the equal-opportunity and equalized-odds differences.
    /// </summary>
    /// <param name="data">Scored data.</param>
    /// <param name="scoreColumnName">The Single or Double score column (NaN/∞ rows are left out, as the audit does).</param>
    /// <param name="groupColumnName">The group column; rows with a missing value are left out and counted.</param>
    /// <param name="labelColumnName">Optional label: Boolean (classification) or numeric (regression: MSE).</param>
    /// <param name="threshold">The decision threshold (selected when score ≥ threshold); 0 with a Boolean label when null, none otherwise.</param>
    /// <param name="confidence">The confidence of the DKW bound and of the Wilson intervals, in (0, 1).</param>
    /// <returns>The evaluation.</returns>
    public FairnessEvaluation Evaluate(IDataView data, string scoreColumnName, string groupColumnName, string? labelColumnName = null, double? threshold = null, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(data);
        var schema = data.Schema;
        var score = schema.GetColumnOrNull(scoreColumnName) ?? throw new ArgumentException($"The score column '{scoreColumnName}' is not in the data.", nameof(scoreColumnName));
        var group = schema.GetColumnOrNull(groupColumnName) ?? throw new ArgumentException($"The group column '{groupColumnName}' is not in the data.", nameof(groupColumnName));
        DataViewSchema.Column? label = labelColumnName is null ? null
            : schema.GetColumnOrNull(labelColumnName) ?? throw new ArgumentException($"The label column '{labelColumnName}' is not in the data.", nameof(labelColumnName));
        var classification = label?.Type is BooleanDataViewType;
        var t = threshold ?? (classification ? 0 : null);
        var scores = new List<double>();
        var groups = new List<string>();
        var labels = new List<double>();
        var missing = 0;
        using (var cursor = data.GetRowCursor(label is { } l ? [score, group, l] : [score, group]))
        {
            var readScore = DemographicParityEstimator.ScoreReader(cursor, score);
            var readGroup = GroupVocabulary.TextReader(cursor, group);
            var readLabel = LabelReader(cursor, label);
            while (cursor.MoveNext())
            {
                var g = readGroup();
                if (g is null)
                {
                    missing++;
                    continue;
                }

                scores.Add(readScore());
                groups.Add(g);
                labels.Add(readLabel());
            }
        }

        var report = FairnessAudit.Evaluate<string>(scores.ToArray(), groups.ToArray(), new FairnessAuditOptions { Threshold = t, Confidence = confidence });
        var z = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        var result = new List<GroupEvaluation>(report.Groups.Count);
        foreach (var g in report.Groups)
        {
            var m = label is null ? default : LabelFigures.Of(g.Group, groups, scores, labels, classification, t ?? 0);
            result.Add(new GroupEvaluation
            {
                Group = g.Group,
                Count = g.Count,
                Mean = g.Mean,
                Quantiles = g.Quantiles,
                SelectionRate = g.SelectionRate,
                SelectionRateInterval = g.SelectionRate is { } rate ? Wilson(rate, g.Count, z) : null,
                Accuracy = classification ? m.Accuracy : null,
                MeanSquaredError = label is not null && !classification ? m.Mse : null,
                TruePositiveRate = classification ? m.Tpr : null,
                FalsePositiveRate = classification ? m.Fpr : null,
                FalseNegativeRate = classification ? 1 - m.Tpr : null,
            });
        }

        return new FairnessEvaluation(report, result, missing);
    }

    /// <summary>The Wilson score interval of a proportion (Wilson 1927): good coverage at small n and near 0 or 1.</summary>
    internal static (double Lower, double Upper) Wilson(double rate, int n, double z)
    {
        if (n == 0)
        {
            return (0, 1);
        }

        var z2 = z * z;
        var centre = (rate + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z / (1 + (z2 / n)) * Math.Sqrt((rate * (1 - rate) / n) + (z2 / (4.0 * n * n)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    private static Func<double> LabelReader(DataViewRow row, DataViewSchema.Column? label)
    {
        if (label is not { } column)
        {
            return () => double.NaN;
        }

        if (column.Type is BooleanDataViewType)
        {
            var get = row.GetGetter<bool>(column);
            var v = false;
            return () => { get(ref v); return v ? 1 : 0; };
        }

        return DemographicParityEstimator.ScoreReader(row, column);
    }

    private readonly record struct LabelFigures(double? Accuracy, double? Mse, double? Tpr, double? Fpr)
    {
        public static LabelFigures Of(string group, List<string> groups, List<double> scores, List<double> labels, bool classification, double threshold)
        {
            long n = 0, correct = 0, tp = 0, fn = 0, fp = 0, tn = 0;
            double se = 0;
            for (var i = 0; i < scores.Count; i++)
            {
                // Rows the audit leaves out (non-finite score) and rows without a label are left out here too.
                if (groups[i] != group || !double.IsFinite(scores[i]) || !double.IsFinite(labels[i]))
                {
                    continue;
                }

                n++;
                if (classification)
                {
                    var predicted = scores[i] >= threshold;
                    var actual = labels[i] > 0;
                    correct += predicted == actual ? 1 : 0;
                    (tp, fn, fp, tn) = (predicted, actual) switch
                    {
                        (true, true) => (tp + 1, fn, fp, tn),
                        (false, true) => (tp, fn + 1, fp, tn),
                        (true, false) => (tp, fn, fp + 1, tn),
                        _ => (tp, fn, fp, tn + 1),
                    };
                }
                else
                {
                    var d = scores[i] - labels[i];
                    se += d * d;
                }
            }

            return n == 0
                ? default
                : new LabelFigures(
                    correct / (double)n,
                    se / n,
                    tp + fn == 0 ? null : tp / (double)(tp + fn),
                    fp + tn == 0 ? null : fp / (double)(fp + tn));
        }
    }
}
