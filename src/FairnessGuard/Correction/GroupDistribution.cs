using FairnessGuard.Sketches;

namespace FairnessGuard.Correction;

/// <summary>
/// A continuous estimate of one group's output distribution from a sketch's sorted view: the CDF is
/// piecewise linear through <c>(min, 0)</c>, each retained value at the middle of its weight, and
/// <c>(max, 1)</c>. Centering each item's weight keeps the estimate unbiased for continuous outputs; ties are
/// handled upstream by the guard's jitter (Chzhen et al. 2020 add the same noise), so no atom is left here.
/// </summary>
/// <remarks>
/// Robust ends (issue 12): the knots are clamped to <c>[Lo, Hi]</c>, the quantiles the sketch can vouch for,
/// never the raw extremes. With W the total weight and w the weight of the heaviest retained item (1 while
/// the sketch is exact, 2^h after compactions — the sketch's rank granularity), <c>Lo</c> is the first
/// retained value with at least w of weight strictly below it and <c>Hi</c> the last with at least w strictly
/// above it: the quantiles at ranks ε and 1 − ε for ε = w/W. A single output (or a single retained item of
/// the sketch) at either end therefore never becomes a knot, so it cannot reach the shared targets and move
/// another group's outputs; it moves them at most by its rank share, like any other sample. With fewer than
/// four retained values (Lo ≥ Hi) nothing is trimmed.
/// </remarks>
internal readonly struct GroupDistribution
{
    private readonly SortedView? _view;

    public GroupDistribution(SortedView view, double min, double max, long count)
    {
        _view = view;
        Min = min;
        Max = max;
        Count = count;
        (Lo, Hi) = TrimmedEnds(view, min, max);
    }

    /// <summary>
    /// A distribution whose knots are already known: an earlier build computed <paramref name="grid"/> from the
    /// same sketch contents (same stamp), so <see cref="QuantilesOnGrid"/> would write the same values.
    /// </summary>
    public GroupDistribution(KnotIndex grid, long count)
    {
        Grid = grid;
        Count = count;
        (Lo, Hi, Min, Max) = (grid.Knots[0], grid.Knots[^1], grid.Knots[0], grid.Knots[^1]);
    }

    /// <summary>The knots computed earlier for the same contents, or null.</summary>
    public KnotIndex? Grid { get; }

    /// <summary>The lowest knot: the quantile at rank ε (see remarks).</summary>
    public double Lo { get; }

    /// <summary>The highest knot: the quantile at rank 1 − ε (see remarks).</summary>
    public double Hi { get; }

    public double Min { get; }

    public double Max { get; }

    /// <summary>The group's true sample count (its barycenter weight); the view may hold a subsample.</summary>
    public long Count { get; }

    /// <summary>Writes <c>Q(k/(K−1))</c> for k = 0..K−1 into <paramref name="knots"/> in one forward walk.</summary>
    public void QuantilesOnGrid(Span<double> knots)
    {
        if (_view is null)
        {
            // Only a distribution built from its grid has no view, and the grid is its answer.
            Grid!.Knots.CopyTo(knots);
            return;
        }

        var values = _view.Values;
        var cumulative = _view.CumulativeWeights;
        double total = _view.TotalWeight;
        var last = knots.Length - 1;

        // Segment i runs from point i to point i+1 of: (Min, 0), (v_0, m_0) … (v_{n−1}, m_{n−1}), (Max, 1).
        var i = 0;
        double x0 = Min, r0 = 0;
        NextPoint(0, values, cumulative, total, out var x1, out var r1);
        for (var k = 0; k <= last; k++)
        {
            var r = k == last ? 1.0 : k / (double)last;
            while (r > r1 && i <= values.Length)
            {
                (x0, r0) = (x1, r1);
                i++;
                NextPoint(i, values, cumulative, total, out x1, out r1);
            }

            knots[k] = Math.Clamp(r1 > r0 ? x0 + ((r - r0) / (r1 - r0) * (x1 - x0)) : x1, Lo, Hi);
            if (k > 0 && knots[k] < knots[k - 1])
            {
                knots[k] = knots[k - 1];
            }
        }
    }

    private static (double Lo, double Hi) TrimmedEnds(SortedView view, double min, double max)
    {
        var values = view.Values;
        var cumulative = view.CumulativeWeights;
        var n = values.Length;
        if (n < 4)
        {
            return (Math.Min(min, max), Math.Max(min, max));
        }

        long heaviest = 0;
        for (var i = 0; i < n; i++)
        {
            heaviest = Math.Max(heaviest, cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]));
        }

        var total = cumulative[n - 1];
        var lo = 1;
        while (lo < n && cumulative[lo - 1] < heaviest)
        {
            lo++;
        }

        var hi = n - 2;
        while (hi >= 0 && total - cumulative[hi] < heaviest)
        {
            hi--;
        }

        return lo < n && hi >= 0 && values[lo] < values[hi] ? (values[lo], values[hi]) : (Math.Min(min, max), Math.Max(min, max));
    }

    private void NextPoint(int i, ReadOnlySpan<double> values, ReadOnlySpan<long> cumulative, double total, out double x, out double r)
    {
        if (i < values.Length)
        {
            var below = i == 0 ? 0 : cumulative[i - 1];
            x = values[i];
            r = (below + cumulative[i]) / (2 * total);
        }
        else
        {
            x = Max;
            r = 1;
        }
    }
}
