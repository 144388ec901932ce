using System.Runtime.CompilerServices;

namespace FairnessGuard.Monitoring;

/// <summary>A tournament tree over leaves: the minimum value and the first leaf holding it.</summary>
internal readonly struct MinTree
{
    private readonly double[] _value;
    private readonly int[] _index;
    private readonly int _size;

    public MinTree(int leaves)
    {
        _size = 1;
        while (_size < leaves)
        {
            _size <<= 1;
        }

        _value = new double[2 * _size];
        _index = new int[2 * _size];
        _value.AsSpan().Fill(double.PositiveInfinity);
        for (var l = 0; l < _size; l++)
        {
            _index[_size + l] = l;
        }
    }

    public double MinValue => _value[1];

    public int MinIndex => _index[1];

    public void Set(int leaf, double value) => _value[_size + leaf] = value;

    public void Build()
    {
        for (var node = _size - 1; node >= 1; node--)
        {
            Pull(node);
        }
    }

    /// <summary>
    /// Raises a leaf's value (values only grow in the sweep). A node whose winner is another leaf cannot
    /// change when this leaf grows, and neither can any node above it, so the walk stops at the first node
    /// this leaf did not win: O(1) expected instead of O(log K), with the same tree as a full walk.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(int leaf, double value)
    {
        var node = _size + leaf;
        _value[node] = value;
        for (node >>= 1; node >= 1 && _index[node] == leaf; node >>= 1)
        {
            Pull(node);
        }
    }

    private void Pull(int node)
    {
        int left = 2 * node, right = left + 1;
        var from = _value[left] <= _value[right] ? left : right;
        _value[node] = _value[from];
        _index[node] = _index[from];
    }
}
