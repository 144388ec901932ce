using System.Runtime.CompilerServices;

namespace FairnessGuard.ML;

/// <content>The per-cell lookup table.</content>
internal sealed partial class RankTable
{
    /// <summary>
    /// One cell's table: records <c>[x_j, R_j, slope_j]</c> (R_j = T[#{s ≤ x_j}], slope_j the map's slope on
    /// (x_j, x_{j+1}), 0 for an exact table) in one array, so the search's last probe and the record it selects
    /// share a cache line; and a guide over equal-width buckets of the knot range, two per knot, built with the
    /// lookup's own bucket formula so the bucket always brackets the answer (usually one compare, no search).
    /// </summary>
    private sealed class CellTable
    {
        private readonly double[] _records;
        private readonly int[] _guide;
        private readonly int _count;
        private readonly double _min;
        private readonly double _max;
        private readonly double _scale;
        private readonly double _below;

        public CellTable(double[] records, double below)
        {
            _records = records;
            _count = records.Length / 3;
            _below = below;
            _min = records[0];
            _max = records[3 * (_count - 1)];
            // Twice as many buckets as knots: a bucket usually holds at most one knot, so the lookup is one compare.
            var buckets = Math.Max(1, 2 * _count);
            var width = (_max - _min) / buckets;
            _scale = width > 0 && double.IsFinite(width) ? 1 / width : 0;
            _guide = new int[buckets + 1];
            var next = 0;
            for (var b = 0; b <= buckets; b++)
            {
                // guide[b] = #{knots whose bucket is below b}: the bucket formula is monotone in x, so a y in bucket
                // b has every knot of a lower bucket below it and every knot of a higher bucket above it.
                while (next < _count && Bucket(records[3 * next]) < b)
                {
                    next++;
                }

                _guide[b] = next;
            }
        }

        /// <summary>The image of y; false when y is a knot (its rank is drawn by the exact corrector).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryMap(double y, out double fair)
        {
            if (y < _min)
            {
                fair = _below;
                return true;
            }

            var records = _records;
            if (y > _max)
            {
                fair = records[(3 * _count) - 2];
                return true;
            }

            var b = Bucket(y);
            int lo = _guide[b], hi = _guide[b + 1];
            if (hi - lo <= 1)
            {
                // No knot or one in the bucket: count it if it is below y, without a branch on the outcome.
                var k = lo < _count ? lo : _count - 1;
                lo += (lo < hi) & (records[3 * k] < y) ? 1 : 0;
                hi = lo;
            }

            while (lo < hi)
            {
                var mid = (int)((uint)(lo + hi) >> 1);
                if (records[3 * mid] < y)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            // lo = #{x < y} ≥ 1 here (y ≥ min); y is a knot or lies in (x_{lo−1}, x_lo).
            if (lo < _count && records[3 * lo] == y)
            {
                fair = 0;
                return false;
            }

            var i = 3 * (lo - 1);
            var slope = records[i + 2];
            fair = slope == 0 ? records[i + 1] : records[i + 1] + (slope * (y - records[i]));
            return true;
        }

        // Knots and looked-up scores lie in [min, max], so (x − min)·scale is in [0, buckets]: truncate, then clamp.
        private int Bucket(double x)
        {
            var b = (int)((x - _min) * _scale);
            var last = _guide.Length - 2;
            return b < 0 ? 0 : b > last ? last : b;
        }
    }
}
