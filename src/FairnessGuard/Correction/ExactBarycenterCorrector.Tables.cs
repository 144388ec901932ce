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
