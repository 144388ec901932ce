namespace FairnessGuard.Metrics;

/// <summary>
/// Walks the distinct values of two sorted samples in order, giving both right-continuous empirical CDFs
/// at each. Exact two-sample distances (KS, W1) are functionals of this walk: both CDFs are constant
/// between consecutive positions.
/// </summary>
internal ref struct CdfPairWalk
{
    private readonly ReadOnlySpan<double> _a;
    private readonly ReadOnlySpan<double> _b;
    private int _i;
    private int _j;

    public CdfPairWalk(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        _a = sortedA;
        _b = sortedB;
    }

    /// <summary>The current distinct value.</summary>
    public double Position { get; private set; }

    /// <summary>F_a at <see cref="Position"/>.</summary>
    public readonly double FirstCdf => _i / (double)_a.Length;

    /// <summary>F_b at <see cref="Position"/>.</summary>
    public readonly double SecondCdf => _j / (double)_b.Length;

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
}
