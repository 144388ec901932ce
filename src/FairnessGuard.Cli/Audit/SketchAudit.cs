using FairnessGuard.Cli.Csv;
using FairnessGuard.Distributions;
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
    public static AuditOutcome Run(AuditSettings s, int k, Action<long, long>? progress) => Run(s, k, progress, out _);

    /// <summary>Streams the file once into the sketches, computes the figures and hands back the state (for <c>--save-state</c>).</summary>
    public static AuditOutcome Run(AuditSettings s, int k, Action<long, long>? progress, out SketchState state) => Run(s, k, progress, out state, chunks: true);

    /// <summary>As <see cref="Run(AuditSettings, int, Action{long, long}?, out SketchState)"/>; <paramref name="chunks"/> false reads one row after another (tests compare the two).</summary>
    internal static AuditOutcome Run(AuditSettings s, int k, Action<long, long>? progress, out SketchState state, bool chunks)
    {
        state = new SketchState(k, s.Threshold, s.Favorable, s.Columns.Groups, s.Columns.Score);
        var labels = s.Columns.Label is null ? null : new LabelAccumulator(s.Threshold, s.Reference, s.Confidence);
        using (var reader = RowSources.Open(s.Path, s.Columns, s.Encoding, s.DecimalComma, s.InputFormat))
        using (var feed = new SketchFeed(state))
        {
            // Without labels, a large CSV is read in chunks on two cores as far as they prove clean; the rest sequentially.
            if (chunks && labels is null && reader is PredictionReader csv
                && SketchChunks.Run(csv, state, () => PredictionReader.Open(s.Path, s.Columns, s.Encoding, s.DecimalComma), progress) is { } resume)
            {
                csv.SeekTo(resume.Offset, long.MaxValue, resume.Line, resume.Row);
            }

            while (reader.Read())
            {
                var (group, score, label) = (reader.Group(), reader.Score(), reader.Label());
                RowSources.Tick(reader, progress);

                if (group is null)
                {
                    state.MissingGroup++;
                    continue;
                }

                state.Rows++;
                var sums = state.Group(group);
                labels?.Add(group, score, label);
                if (!double.IsFinite(score))
                {
                    state.NonFinite++;
                    continue;
                }

                feed.Add(sums, score);
            }

            feed.Complete();
        }

        state.PoolGroups();
        return Finish(s, state, labels?.ToMetrics(state.Groups.Select(g => g.Name).ToArray()));
    }

    /// <summary>
    /// The audit of accumulated (possibly merged) sketches. Selection rates use the exact counts when the state
    /// was taken at the settings' threshold and favourable side, else the sketches' estimate (said in the method note).
    /// </summary>
    /// <exception cref="CsvInputException">No row with a group, or fewer than two groups with a finite score.</exception>
    public static AuditOutcome Finish(AuditSettings s, SketchState state, LabelMetrics? labels)
    {
        if (state.Rows == 0)
        {
            throw new CsvInputException(s.Path, 0, 0, null, "no data row has a group value");
        }

        AuditOutcome.RequireTwoGroups(s.Path, state.Groups.Where(g => g.Sketch.Count > 0).Select(g => g.Name).ToArray());
        var figures = Figures(s, state);
        var distributions = state.Groups.Select(g => (IScoreDistribution)g.Sketch).ToArray();
        return new AuditOutcome(s, figures, labels, state.Rows, state.MissingGroup, distributions, null);
    }

    private static ParityFigures Figures(AuditSettings s, SketchState state)
    {
        var (k, groups, pool, nonFinite) = (state.K, state.Groups, state.Pool, state.NonFinite);
        var exactSelection = s.Threshold == state.Threshold && s.Favorable == state.Favorable;
        var delta = 1 - s.Confidence;
        var poolView = pool.GetSortedView();
        var rows = new GroupFigures[groups.Count];
        var errors = new double[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var sketch = groups[g].Sketch;
            var view = sketch.GetSortedView();
            var n = sketch.Count;
            errors[g] = n == 0 ? 0 : sketch.GetRankErrorBound(1 - (delta / 2 / groups.Count / Math.Max(2 * sketch.RetainedItems, 1)));
            rows[g] = new GroupFigures(
                groups[g].Name,
                n,
                pool.Count == 0 ? 0 : n / (double)pool.Count,
                n == 0 ? double.NaN : groups[g].Sum / n,
                QuantileLevels.Select(q => n == 0 ? double.NaN : sketch.GetQuantile(q)).ToArray(),
                Distance.KolmogorovSmirnov(view, poolView),
                Distance.Wasserstein1(view, poolView),
                s.Threshold is not { } t ? null : n == 0 ? 0 : exactSelection ? groups[g].Selected / (double)n : EstimatedSelection(sketch, t, s.Favorable));
        }

        double maxKs = 0, maxBound = 0;
        (string, string)? pair = null;
        for (var a = 0; a < groups.Count; a++)
        {
            for (var b = a + 1; b < groups.Count; b++)
            {
                var (na, nb) = (groups[a].Sketch.Count, groups[b].Sketch.Count);
                var ks = Distance.KolmogorovSmirnov(groups[a].Sketch, groups[b].Sketch);
                if (pair is null || ks > maxKs)
                {
                    (maxKs, pair) = (ks, (groups[a].Name, groups[b].Name));
                }

                if (na > 0 && nb > 0)
                {
                    var dkw = DkwBound.KsLowerBound(ks - errors[a] - errors[b], na, nb, 1 - (delta / 2), Math.Max(groups.Count, 2));
                    maxBound = Math.Max(maxBound, dkw);
                }
            }
        }

        var method = $"sketch: KLL k = {k} per group, largest rank error {Output.Numbers.F4(errors.Max())} (subtracted from the KS lower bound)"
            + (s.Threshold is not null && !exactSelection ? "; selection rates estimated from the sketches (the state was saved at another threshold)" : string.Empty);
        return new ParityFigures(rows, QuantileLevels, nonFinite, maxKs, pair, maxBound, s.Confidence, s.Threshold, double.NaN, method);
    }

    private static double EstimatedSelection(QuantileSketch sketch, double t, FavorableOutcome favorable)
    {
        var below = sketch.GetRank(t, SearchCriteria.Exclusive);
        return favorable == FavorableOutcome.High ? 1 - below : below;
    }
}
