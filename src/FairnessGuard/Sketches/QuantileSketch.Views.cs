namespace FairnessGuard.Sketches;

/// <content>Views that are not cached on the sketch: in rented arrays, or cut from a rebuild's arena.</content>
public sealed partial class QuantileSketch
{
    /// <summary>A fresh view (never the cached one) in rented arrays: the caller calls <see cref="SortedView.ReturnToPool"/> when done.</summary>
    internal SortedView RentSortedView() => SortedView.Build(_items.AsSpan(_levels[0]), _levels.AsSpan(0, _numLevels + 1), _count, _sortedLevel0, pooled: true);

    /// <summary>
    /// A fresh view (never the cached one) cut from <paramref name="arena"/> when it fits, else in new arrays: the
    /// same values and weights as <see cref="GetSortedView"/>, valid until the arena is released.
    /// </summary>
    internal SortedView ViewIn(ViewArena arena) => SortedView.Build(_items.AsSpan(_levels[0]), _levels.AsSpan(0, _numLevels + 1), _count, _sortedLevel0, arena: arena);
}
