using FairnessGuard.Sketches;

namespace FairnessGuard.Correction;

/// <summary>
/// A continuous estimate of one group's output distribution from a sketch's sorted view: the CDF is
/// piecewise linear through <c>(min, 0)</c>, each retained value at the middle of its weight, and
/// <c>(max, 1)</c>. Centering each item's weight keeps the estimate unbiased for continuous outputs; ties are
/// handled upstream by the guard's jitter (Chzhen et al. 2020 add the same noise), so no atom is left here.
/// </summary>
internal readonly struct GroupDistribution
{
    private readonly SortedView _view;

    public GroupDistribution(SortedView view, double min, double max, long count)
    {
        _view = view;
        Min = min;
        Max = max;
        Count = count;
    }

    public double Min { get; }

    public double Max { get; }

    /// <summary>The group's true sample count (its barycenter weight); the view may hold a subsample.</summary>
    public long Count { get; }

    /// <summary>Writes <c>Q(k/(K−1))</c> for k = 0..K−1 into <paramref name="knots"/> in one forward walk.</summary>
    public void QuantilesOnGrid(Span<double> knots)
    {
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

            knots[k] = r1 > r0 ? x0 + ((r - r0) / (r1 - r0) * (x1 - x0)) : x1;
            if (k > 0 && knots[k] < knots[k - 1])
            {
                knots[k] = knots[k - 1];
            }
        }
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
