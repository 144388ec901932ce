using FairnessGuard.Cli.Csv;
using FairnessGuard.Metrics;
using FairnessGuard.Sketches;

namespace FairnessGuard.Cli.Audit;

/// <summary>
/// The audit in constant memory: one KLL <see cref="QuantileSketch"/> per group (and one of the pool) with
/// exact counts, means and selection rates. KS, W1 and quantiles come from the sketches; the KS lower bound
/// spends half of δ on the DKW bands and half on the sketches' rank errors (union bound over the groups and
/// over each sketch's retained items, where its step CDF can move), and subtracts both.
/// </summary>
internal static class SketchAudit
{
    private static readonly double[] QuantileLevels = [0.1, 0.25, 0.5, 0.75, 0.9];

    /// <summary>Streams the file once into the sketches and computes the figures.</summary>
    public static AuditOutcome Run(AuditSettings s, int k, Action<long, long>? progress)
    {
        var groups = new Dictionary<string, GroupSums>(StringComparer.Ordinal);
        var order = new List<string>();
        var pool = new QuantileSketch(k, seed: 1);
        var labels = s.Columns.Label is null ? null : new LabelAccumulator(s.Threshold, s.Reference, s.Confidence);
        long rows = 0, missingGroup = 0, nonFinite = 0;
        using (var reader = RowSources.Open(s.Path, s.Columns, s.Encoding, s.DecimalComma, s.InputFormat))
        {
            while (reader.Read())
            {
                var (group, score, label) = (reader.Group(), reader.Score(), reader.Label());
                if ((reader.RowIndex & 0xFFF) == 0)
                {
                    Commands.CliCancellation.ThrowIfCancelled();
                    if (progress is not null && (reader.RowIndex & 0xFFFF) == 0)
                    {
                        progress(reader.Position, reader.Length);
                    }
                }

                if (group is null)
                {
                    missingGroup++;
                    continue;
                }

                rows++;
                if (!groups.TryGetValue(group, out var sums))
                {
                    groups[group] = sums = new GroupSums(new QuantileSketch(k, seed: (ulong)order.Count + 2));
                    order.Add(group);
                }

                labels?.Add(group, score, label);
                if (!double.IsFinite(score))
                {
                    nonFinite++;
                    continue;
                }

                sums.Add(score, s.Threshold, s.Favorable);
                pool.Update(score);
            }
        }

        if (rows == 0)
        {
            throw new CsvInputException(s.Path, 0, 0, null, "no data row has a group value");
        }

        AuditOutcome.RequireTwoGroups(s.Path, order.Where(g => groups[g].Sketch.Count > 0).ToArray());
        var figures = Figures(s, k, order.Select(g => (g, groups[g])).ToArray(), pool, nonFinite);
        var distributions = order.Select(g => (IScoreDistribution)new SketchDistribution(groups[g].Sketch)).ToArray();
        return new AuditOutcome(s, figures, labels?.ToMetrics(order), rows, missingGroup, distributions, null);
    }

    private static ParityFigures Figures(AuditSettings s, int k, (string Name, GroupSums Sums)[] groups, QuantileSketch pool, long nonFinite)
    {
        var delta = 1 - s.Confidence;
        var poolView = pool.GetSortedView();
        var rows = new GroupFigures[groups.Length];
        var errors = new double[groups.Length];
        for (var g = 0; g < groups.Length; g++)
        {
            var (name, sums) = groups[g];
            var sketch = sums.Sketch;
            var view = sketch.GetSortedView();
            var n = sketch.Count;
            errors[g] = n == 0 ? 0 : sketch.GetRankErrorBound(1 - (delta / 2 / groups.Length / Math.Max(2 * sketch.RetainedItems, 1)));
            rows[g] = new GroupFigures(
                name,
                n,
                pool.Count == 0 ? 0 : n / (double)pool.Count,
                n == 0 ? double.NaN : sums.Sum / n,
                QuantileLevels.Select(q => n == 0 ? double.NaN : sketch.GetQuantile(q)).ToArray(),
                KsDistance.Compute(view, poolView),
                WassersteinDistance.W1(view, poolView),
                s.Threshold is null ? null : n == 0 ? 0 : sums.Selected / (double)n);
        }

        double maxKs = 0, maxBound = 0;
        (string, string)? pair = null;
        for (var a = 0; a < groups.Length; a++)
        {
            for (var b = a + 1; b < groups.Length; b++)
            {
                var (na, nb) = (groups[a].Sums.Sketch.Count, groups[b].Sums.Sketch.Count);
                var ks = KsDistance.Compute(groups[a].Sums.Sketch.GetSortedView(), groups[b].Sums.Sketch.GetSortedView());
                if (pair is null || ks > maxKs)
                {
                    (maxKs, pair) = (ks, (groups[a].Name, groups[b].Name));
                }

                if (na > 0 && nb > 0)
                {
                    var dkw = DkwBound.KsLowerBound(ks - errors[a] - errors[b], na, nb, 1 - (delta / 2), Math.Max(groups.Length, 2));
                    maxBound = Math.Max(maxBound, dkw);
                }
            }
        }

        var method = $"sketch: KLL k = {k} per group, largest rank error {Output.Numbers.F4(errors.Max())} (subtracted from the KS lower bound)";
        return new ParityFigures(rows, QuantileLevels, nonFinite, maxKs, pair, maxBound, s.Confidence, s.Threshold, double.NaN, method);
    }

    private sealed class GroupSums(QuantileSketch sketch)
    {
        public QuantileSketch Sketch { get; } = sketch;

        public double Sum { get; private set; }

        public long Selected { get; private set; }

        public void Add(double score, double? threshold, FavorableOutcome favorable)
        {
            Sketch.Update(score);
            Sum += score;
            Selected += threshold is { } t && (score >= t) == (favorable == FavorableOutcome.High) ? 1 : 0;
        }
    }
}
