namespace FairnessGuard.Correction;

/// <content>
/// The barycenter tabulated at every rank a row outside an atom can have: a row of group s with n_s calibration
/// outputs and j of them below it has rank j/n_s exactly, so its fair value is one read of a table of
/// n_s + 1 entries instead of one quantile lookup in every group (a cache miss each on millions of
/// rows). The table holds the same sums in the same order as the direct computation: identical results.
/// </content>
public sealed partial class ExactBarycenterCorrector<TGroup>
{
    // Past this many groups the tables (n·k quantile lookups to fill) cost more than they save.
    private const int MaxTabulatedGroups = 32;

    // Below this many calibration outputs in all, the tables are filled on one thread.
    private const int ParallelTabulation = 1 << 16;

    private double[][]? Tabulate(int count)
    {
        if (_sorted.Length > MaxTabulatedGroups)
        {
            return null;
        }

        var tables = new double[_sorted.Length][];
        void Fill(int g)
        {
            var n = _sorted[g].Length;
            var table = new double[n + 1];
            for (var j = 0; j <= n; j++)
            {
                table[j] = BarycenterQuantile(j / (double)n);
            }

            tables[g] = table;
        }

        if (count >= ParallelTabulation)
        {
            Parallel.For(0, tables.Length, Fill);
        }
        else
        {
            for (var g = 0; g < tables.Length; g++)
            {
                Fill(g);
            }
        }

        return tables;
    }

    // From this many rows a batch is corrected in order of value (see ApplyInValueOrder).
    private const int SortedBatch = 1 << 14;

    // A large batch is corrected in ascending order of its outputs (a radix sort of the positions): each
    // group's searches and table reads then move forward through memory instead of jumping at random, a
    // cache miss each. Row i still gets Correct(y_i, g_i, first + i): the same values as in row order. The
    // barycenter is computed at each rank rather than read from the table: in value order the quantile reads
    // move forward too, and a batch then never pays for filling the table (n·k lookups).
    private int ApplyInValueOrder(ReadOnlySpan<double> outputs, int[] codes, Span<double> destination, long firstRowIndex)
    {
        var nonFinite = 0;
        var order = Metrics.DoubleRadixSort.Order(outputs, out var sorted);
        for (var r = 0; r < order.Length; r++)
        {
            var (i, y) = (order[r], sorted[r]);
            if (double.IsFinite(y))
            {
                destination[i] = Correct(y, codes[i], firstRowIndex + i, null);
            }
            else
            {
                destination[i] = y;
                nonFinite++;
            }
        }

        return nonFinite;
    }

    // The end of the atom of y that starts at start (own[start] == y): a galloping search from the start, a
    // few steps for the short atoms of continuous scores, log2 of its length for a long one.
    private static int AtomEnd(double[] own, int start, double y)
    {
        var step = 1;
        var lo = start + 1;
        while (lo + step <= own.Length && own[lo + step - 1] <= y)
        {
            lo += step;
            step *= 2;
        }

        var hi = Math.Min(own.Length, lo + step);
        return lo + Distributions.SortedSearch.CountAtMost(own.AsSpan(lo, hi - lo), y);
    }
}
