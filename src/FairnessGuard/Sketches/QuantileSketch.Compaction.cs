using FairnessGuard.Distributions;

namespace FairnessGuard.Sketches;

/// <summary>Compaction and merging: the only code that moves items between levels.</summary>
public sealed partial class QuantileSketch
{
    /// <summary>
    /// Merges <paramref name="other"/> into this sketch; <paramref name="other"/> is not changed. The result
    /// keeps this sketch's K; its error bound is that of the smaller K of the two
    /// (<see cref="NormalizedRankError"/> tracks it). Merging an empty sketch is a no-op.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> is this sketch (merge a <see cref="Clone"/>).</exception>
    public void Merge(QuantileSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("A sketch cannot be merged into itself; merge a Clone() instead.", nameof(other));
        }

        if (other._count == 0)
        {
            return;
        }

        // Lay the two stacks level by level into one buffer (packed at its end, the layout CompactLevel works
        // on), then compact exactly as updates do until the items fit the capacity of this K.
        var numLevels = Math.Max(_numLevels, other._numLevels);
        var retained = RetainedItems + other.RetainedItems;
        var buffer = new double[Math.Max(retained, KllCapacity.TotalCapacity(_k, numLevels))];
        var end = buffer.Length;
        for (var level = numLevels - 1; level >= 0; level--)
        {
            var mine = LevelSpan(level);
            var theirs = other.LevelSpan(level);
            var start = end - mine.Length - theirs.Length;
            if (level == 0)
            {
                mine.CopyTo(buffer.AsSpan(start));
                theirs.CopyTo(buffer.AsSpan(start + mine.Length));
            }
            else
            {
                SortedSearch.Merge(mine, theirs, buffer.AsSpan(start, end - start));
            }

            _levels[level + 1] = end;
            end = start;
        }

        _levels[0] = end;
        _items = buffer;
        _floor = 0;
        _numLevels = numLevels;
        _count += other._count;
        _min = _count == other._count || other._min < _min ? other._min : _min;
        _max = _count == other._count || other._max > _max ? other._max : _max;
        _minK = Math.Min(_minK, other._minK);
        _compactionVariance += other._compactionVariance;
        _sortedView = null;
        _sortedLevel0 = 0;

        while (RetainedItems > KllCapacity.TotalCapacity(_k, _numLevels))
        {
            CompressOnce();
        }

        ResizeBuffer(KllCapacity.TotalCapacity(_k, _numLevels));
    }

    private ReadOnlySpan<double> LevelSpan(int level) =>
        level < _numLevels ? _items.AsSpan(_levels[level], _levels[level + 1] - _levels[level]) : default;

    /// <summary>
    /// Compacts the lowest level at or over its capacity; one exists whenever the buffer is full (the
    /// capacities sum to the buffer length). Compacting the top level first adds an empty level above it.
    /// </summary>
    private void CompressOnce()
    {
        var level = 0;
        while (_levels[level + 1] - _levels[level] < KllCapacity.LevelCapacity(_k, _numLevels, level))
        {
            level++;
        }

        if (level == _numLevels - 1)
        {
            AddEmptyTopLevel();
        }

        CompactLevel(level);
    }

    /// <summary>
    /// The KLL compaction step (DataSketches' <c>compressWhileUpdating</c>): sort the level, keep back the
    /// smallest item if the count is odd, promote every other item starting at a random offset into the
    /// level above (weight doubles), and slide the lower levels up over the freed slots. For any query y the
    /// promoted half misstates the weight &lt;= y by 0 or ±2^h with a fair sign: a zero-mean, bounded
    /// martingale step, which is what the Azuma bound in <see cref="NormalizedRankError"/> sums.
    /// </summary>
    private void CompactLevel(int level)
    {
        var rawBegin = _levels[level];
        var rawEnd = _levels[level + 1];
        var popAbove = _levels[level + 2] - rawEnd;
        var odd = ((rawEnd - rawBegin) & 1) == 1;
        var begin = odd ? rawBegin + 1 : rawBegin;
        var half = (rawEnd - begin) / 2;
        var items = _items.AsSpan();

        if (level == 0)
        {
            items[begin..rawEnd].Sort();
            _sortedLevel0 = 0;
        }

        var offset = _random.NextBit();
        if (popAbove == 0)
        {
            // Nothing above: write the promoted half straight into the top end of this level's range.
            for (int i = rawEnd - 1, j = rawEnd - 1 - offset; i >= begin + half; i--, j -= 2)
            {
                items[i] = items[j];
            }
        }
        else
        {
            for (int i = begin, j = begin + offset; i < begin + half; i++, j += 2)
            {
                items[i] = items[j];
            }

            // The merged run ends where the level above ends; the in-place merge is safe for that layout.
            SortedSearch.Merge(items.Slice(begin, half), items.Slice(rawEnd, popAbove), items[(begin + half)..(rawEnd + popAbove)]);
        }

        _levels[level + 1] = rawEnd - half;
        if (odd)
        {
            _levels[level] = _levels[level + 1] - 1;
            items[_levels[level]] = items[rawBegin];
        }
        else
        {
            _levels[level] = _levels[level + 1];
        }

        // Levels below this one sit in [levels[0], rawBegin); shift them up by the `half` slots freed.
        if (level > 0)
        {
            var bottom = _levels[0];
            items[bottom..rawBegin].CopyTo(items[(bottom + half)..]);
            for (var lower = 0; lower < level; lower++)
            {
                _levels[lower] += half;
            }
        }

        _compactionVariance += Math.Pow(4, level);
    }

    /// <summary>
    /// Adds an empty level on top; the buffer grows to the new total capacity (about 8 more items), into the spare
    /// slots below the floor when a <see cref="Reset"/> left some (no allocation), else into a new array.
    /// </summary>
    private void AddEmptyTopLevel()
    {
        if (_numLevels == KllCapacity.MaxLevels)
        {
            throw new InvalidOperationException("The sketch has reached its maximum number of levels.");
        }

        _levels[_numLevels + 1] = _levels[_numLevels];
        _numLevels++;
        var grow = KllCapacity.TotalCapacity(_k, _numLevels) - (_items.Length - _floor);
        if (grow <= 0)
        {
            return;
        }

        if (grow <= _floor)
        {
            _floor -= grow;
            return;
        }

        ResizeBuffer(_items.Length - _floor + grow);
    }

    /// <summary>Moves the packed levels into a buffer of <paramref name="length"/>, free space at the bottom (no spare slots below the floor).</summary>
    private void ResizeBuffer(int length)
    {
        if (length == _items.Length && _floor == 0)
        {
            return;
        }

        var delta = length - _items.Length;
        var resized = new double[length];
        _items.AsSpan(_levels[0]).CopyTo(resized.AsSpan(_levels[0] + delta));
        for (var level = 0; level <= _numLevels; level++)
        {
            _levels[level] += delta;
        }

        _items = resized;
        _floor = 0;
    }
}
