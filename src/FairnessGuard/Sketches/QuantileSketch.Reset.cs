namespace FairnessGuard.Sketches;

/// <content>
/// Starting again in place: a sketch emptied by <see cref="Reset"/> keeps its item buffer, so restarting a
/// group's estimate (drift) allocates nothing, and neither does refilling it up to the size it had.
/// </content>
public sealed partial class QuantileSketch
{
    // Where the item buffer logically begins: the slots below it are spare capacity kept by Reset, never read. The
    // buffer is full (level 0 must compact) when _levels[0] reaches it, so a reset sketch compacts exactly where a
    // new sketch, whose buffer is as long as this one's logical part, would.
    private int _floor;

    /// <summary>
    /// Empties the sketch and reseeds its coin flips: afterwards it behaves bit for bit like
    /// <c>new QuantileSketch(K, seed)</c> (same compactions, views, bounds and serialised bytes) and gets a new
    /// <see cref="Stamp"/>, but keeps its item buffer as spare capacity, so neither the reset nor the updates that
    /// follow allocate until the sketch outgrows what it held. A write: the caller has the sketch to itself.
    /// </summary>
    /// <param name="seed">Seed of the compactors' coin flips, as for the constructor.</param>
    internal void Reset(ulong seed)
    {
        _instance = Interlocked.Increment(ref s_instances);
        _minK = _k;
        _numLevels = 1;
        _floor = _items.Length - KllCapacity.TotalCapacity(_k, 1);
        Array.Clear(_levels);
        _levels[0] = _items.Length;
        _levels[1] = _items.Length;
        _count = 0;
        _min = double.NaN;
        _max = double.NaN;
        _compactionVariance = 0;
        _random = new SplitMix64(seed);
        _sortedView = null;
        _sortedLevel0 = 0;
        _rejectedNonFinite = 0;
    }
}
