namespace FairnessGuard.Metrics;

/// <summary>
/// Walks the distinct values of two sorted samples in order, giving both right-continuous CDFs at each.
/// A sample is either plain sorted values (each of weight one, ties allowed) or a sketch's distinct values
/// with cumulative weights. Exact two-sample distances (KS, W1) are functionals of this walk: both CDFs are
/// constant between consecutive positions.
/// </summary>
internal ref struct CdfPairWalk
{
    private readonly ReadOnlySpan<double> _a;
    private readonly ReadOnlySpan<long> _aCumulative;
    private readonly double _aTotal;
    private readonly ReadOnlySpan<double> _b;
    private readonly ReadOnlySpan<long> _bCumulative;
    private readonly double _bTotal;
    private int _i;
    private int _j;

    /// <summary>Walks two plain sorted samples.</summary>
    public CdfPairWalk(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
        : this(sortedA, default, sortedA.Length, sortedB, default, sortedB.Length)
    {
    }

    /// <summary>Walks two weighted samples (empty cumulative spans mean unit weights).</summary>
    public CdfPairWalk(ReadOnlySpan<double> a, ReadOnlySpan<long> aCumulative, double aTotal, ReadOnlySpan<double> b, ReadOnlySpan<long> bCumulative, double bTotal)
    {
        _a = a;
        _aCumulative = aCumulative;
        _aTotal = aTotal;
        _b = b;
        _bCumulative = bCumulative;
        _bTotal = bTotal;
    }

    /// <summary>Walks two sketch views.</summary>
    public static CdfPairWalk Of(Sketches.SortedView a, Sketches.SortedView b) =>
        new(a.Values, a.CumulativeWeights, a.TotalWeight, b.Values, b.CumulativeWeights, b.TotalWeight);

    /// <summary>Walks a sketch view against a pooled weighted sample.</summary>
    public static CdfPairWalk Of(Sketches.SortedView a, Monitoring.PooledDistribution pool) =>
        new(a.Values, a.CumulativeWeights, a.TotalWeight, pool.Values, pool.Cumulative, pool.Total);

    /// <summary>The current distinct value.</summary>
    public double Position { get; private set; }

    /// <summary>F_a at <see cref="Position"/>.</summary>
    public readonly double FirstCdf => Cdf(_i, _aCumulative, _aTotal);

    /// <summary>F_b at <see cref="Position"/>.</summary>
    public readonly double SecondCdf => Cdf(_j, _bCumulative, _bTotal);

    /// <summary>The next distinct value after <see cref="Position"/>, or +∞ at the end.</summary>
    public readonly double NextPosition => Math.Min(
        _i < _a.Length ? _a[_i] : double.PositiveInfinity,
        _j < _b.Length ? _b[_j] : double.PositiveInfinity);

    /// <summary>Moves to the next distinct value, consuming its ties in both samples together.</summary>
    public bool MoveNext()
    {
        if (_i == _a.Length && _j == _b.Length)
        {
            return false;
        }

        Position = NextPosition;
        while (_i < _a.Length && _a[_i] <= Position)
        {
            _i++;
        }

        while (_j < _b.Length && _b[_j] <= Position)
        {
            _j++;
        }

        return true;
    }

    private static double Cdf(int consumed, ReadOnlySpan<long> cumulative, double total) =>
        cumulative.IsEmpty ? consumed / total : consumed == 0 ? 0 : cumulative[consumed - 1] / total;
}
