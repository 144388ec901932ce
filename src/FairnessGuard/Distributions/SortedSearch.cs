using System.Numerics;

namespace FairnessGuard.Distributions;

/// <summary>Binary searches on ascending spans, shared by the sketch levels, the sorted views and the correctors.</summary>
internal static class SortedSearch
{
    /// <summary>Number of items <c>&lt;= value</c> (or <c>&lt;</c>) in an unsorted span, a SIMD lane per item.</summary>
    public static long CountUnsorted(ReadOnlySpan<double> items, double value, bool inclusive)
    {
        var i = 0;
        var lanes = Vector<long>.Zero;
        if (Vector.IsHardwareAccelerated)
        {
            var target = new Vector<double>(value);
            for (; i <= items.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var chunk = new Vector<double>(items[i..]);

                // A true comparison is all ones, i.e. -1 as a long.
                lanes -= inclusive ? Vector.LessThanOrEqual(chunk, target) : Vector.LessThan(chunk, target);
            }
        }

        var count = Vector.Sum(lanes);
        for (; i < items.Length; i++)
        {
            count += (inclusive ? items[i] <= value : items[i] < value) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Number of items <c>&lt;= value</c> (index of the first item greater than it).</summary>
    public static int CountAtMost(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Number of items <c>&lt; value</c> (index of the first item not below it).</summary>
    public static int CountBelow(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Merges two ascending runs into <paramref name="destination"/>. The destination may overlap the tail
    /// of <paramref name="right"/> when both end at the same place (the in-place compaction layout): the write
    /// position then never passes the read position in <paramref name="right"/>.
    /// </summary>
    public static void Merge(ReadOnlySpan<double> left, ReadOnlySpan<double> right, Span<double> destination)
    {
        int i = 0, j = 0, o = 0;
        while (i < left.Length && j < right.Length)
        {
            destination[o++] = left[i] <= right[j] ? left[i++] : right[j++];
        }

        while (i < left.Length)
        {
            destination[o++] = left[i++];
        }

        while (j < right.Length)
        {
            destination[o++] = right[j++];
        }
    }
}
