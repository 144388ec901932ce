using System.Runtime.CompilerServices;

namespace FairnessGuard.Monitoring;

/// <summary>
/// A loser tree: each inner node keeps the leaf that lost the match there, the root's winner is the
/// smallest key. An exhausted leaf has key +∞ and loses every tie, so a finite or infinite value still
/// waiting is always popped before it.
/// </summary>
internal sealed class LoserTree
{
    private readonly double[] _key;
    private readonly bool[] _done;
    private readonly int[] _loser;
    private readonly int _size;

    public LoserTree(int leaves)
    {
        _size = 1;
        while (_size < Math.Max(leaves, 1))
        {
            _size <<= 1;
        }

        _key = new double[_size];
        _done = new bool[_size];
        _loser = new int[_size];
        _key.AsSpan().Fill(double.PositiveInfinity);
        _done.AsSpan().Fill(true);
    }

    public int Winner { get; private set; }

    public double WinnerKey => _key[Winner];

    public void SetLeaf(int leaf, double key, bool done)
    {
        _key[leaf] = key;
        _done[leaf] = done;
    }

    public void Build()
    {
        // winners[node] for the inner nodes, computed bottom-up; leaves are nodes _size.._size*2−1.
        var winners = new int[2 * _size];
        for (var l = 0; l < _size; l++)
        {
            winners[_size + l] = l;
        }

        for (var node = _size - 1; node >= 1; node--)
        {
            int a = winners[2 * node], b = winners[(2 * node) + 1];
            var aWins = Beats(a, b);
            winners[node] = aWins ? a : b;
            _loser[node] = aWins ? b : a;
        }

        Winner = winners[1];
    }

    /// <summary>Gives the current winner a new key and replays its path to the root.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ReplayWinner(double key, bool done)
    {
        var current = Winner;
        _key[current] = key;
        _done[current] = done;
        for (var node = (current + _size) >> 1; node >= 1; node >>= 1)
        {
            var other = _loser[node];
            if (Beats(other, current))
            {
                _loser[node] = current;
                current = other;
            }
        }

        Winner = current;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Beats(int a, int b) => _key[a] < _key[b] || (_key[a] == _key[b] && _done[b] && !_done[a]);
}
