using System.Buffers;

namespace FairnessGuard.Sketches;

/// <content>
/// Level 0 kept sorted in place between views, so a view sorts only the items that arrived since the last one
/// and merges them in (O(m) for m items, not O(m log m)): at 1,000 groups a rebuild after one new sample per
/// group otherwise spends a tenth of its time sorting level 0 again.
/// </content>
/// <remarks>
/// The order of level 0 decides nothing but the item a compaction keeps back: with an odd count it keeps the newest
/// item (the one at <c>_levels[0]</c>) and sorts the rest. The sorted run never takes in the newest item, so that item
/// stays where it was and every compaction keeps back and promotes what it would have in arrival order: ranks,
/// quantiles and views are unchanged. Only the serialised order of level 0 differs (it is read back as it is).
/// A level 0 holding a zero is never reordered, so a −0 and a +0 keep the order a compaction's sort gives them.
/// </remarks>
public sealed partial class QuantileSketch
{
    // The last _sortedLevel0 items of level 0 (its oldest) are ascending; 0 after a compaction of level 0 or a merge.
    private int _sortedLevel0;

    /// <summary>
    /// Sorts level 0 in place except its newest item (a write: the caller has the sketch to itself, as for
    /// <see cref="Update"/>). Views built afterwards sort only what arrives until then.
    /// </summary>
    internal void SortLevel0()
    {
        var begin = _levels[0] + 1;
        var length = _levels[1] - begin;
        if (length <= _sortedLevel0 || _items.AsSpan(begin, length).Contains(0d))
        {
            return;
        }

        var level = _items.AsSpan(begin, length);
        var fresh = length - _sortedLevel0;
        if (_sortedLevel0 == 0)
        {
            level.Sort();
        }
        else
        {
            // The fresh items, sorted apart, are merged from the front: the write position never passes the read
            // position in the sorted run behind them.
            var scratch = ArrayPool<double>.Shared.Rent(fresh);
            var sorted = scratch.AsSpan(0, fresh);
            level[..fresh].CopyTo(sorted);
            sorted.Sort();
            int i = 0, j = fresh, o = 0;
            while (i < fresh)
            {
                level[o++] = j < length && level[j] < sorted[i] ? level[j++] : sorted[i++];
            }

            ArrayPool<double>.Shared.Return(scratch);
        }

        _sortedLevel0 = length;
    }
}
