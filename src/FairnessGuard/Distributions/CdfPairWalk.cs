namespace FairnessGuard.Distributions;

/// <summary>
/// Walks the distinct items of two sorted views in order, giving both right-continuous CDFs at each. Exact
/// two-sample distances (KS, W1) are functionals of this walk: both CDFs are constant between consecutive positions.
/// </summary>
internal ref struct CdfPairWalk
{
    private readonly SortedWeights _a;
    private readonly SortedWeights _b;
    private readonly double _aTotal;
    private readonly double _bTotal;
    private int _i;
    private int _j;

    /// <summary>Walks two views.</summary>
    public CdfPairWalk(SortedWeights a, SortedWeights b)
    {
        _a = a;
        _b = b;
        _aTotal = a.TotalWeight;
        _bTotal = b.TotalWeight;
    }

    /// <summary>The current distinct value.</summary>
    public double Position { get; private set; }

    /// <summary>F_a at <see cref="Position"/>.</summary>
    public readonly double FirstCdf => Cdf(_a, _i, _aTotal);

    /// <summary>F_b at <see cref="Position"/>.</summary>
    public readonly double SecondCdf => Cdf(_b, _j, _bTotal);

    /// <summary>The next distinct value after <see cref="Position"/>, or +∞ at the end.</summary>
    public readonly double NextPosition => Math.Min(
        _i < _a.Items.Length ? _a.Items[_i] : double.PositiveInfinity,
        _j < _b.Items.Length ? _b.Items[_j] : double.PositiveInfinity);

    /// <summary>Moves to the next distinct value, consuming its ties in both views together.</summary>
    public bool MoveNext()
    {
        var a = _a.Items;
        var b = _b.Items;
        if (_i == a.Length && _j == b.Length)
        {
            return false;
        }

        Position = NextPosition;
        while (_i < a.Length && a[_i] <= Position)
        {
            _i++;
        }

        while (_j < b.Length && b[_j] <= Position)
        {
            _j++;
        }

        return true;
    }

    private static double Cdf(SortedWeights view, int consumed, double total) =>
        consumed == 0 ? 0 : view.CumulativeWeightAt(consumed - 1) / total;
}
