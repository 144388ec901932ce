using FairnessGuard.Metrics;

namespace FairnessGuard.Correction;

/// <content>
/// Fitting and correcting the same rows in one pass, and large batches. Each group's rows are sorted once with
/// their row indices carried through the sort, so a row's place among the group's calibration outputs (F_s(y−) and
/// F_s(y), the ends of its run of equal outputs) is found by galloping a step or two forward from the previous
/// row's, and the barycenter's quantile reads move forward through memory: no guide-table search, no table. Every
/// row of a calibration set is in an atom of its own group (its output is one of the knots), so in-sample each row
/// takes the tie-broken branch of <c>Correct</c>, evaluated by the same code: the results are bit for bit those of
/// <see cref="Fit"/> followed by <see cref="Apply(ReadOnlySpan{double}, ReadOnlySpan{TGroup}, Span{double}, long)"/>.
/// </content>
public sealed partial class ExactBarycenterCorrector<TGroup>
{
    // Below this many rows the groups are sorted and corrected on one thread.
    private const int ParallelInSample = 1 << 16;

    // From this many rows a batch is corrected group by group in order of value (see ApplyByGroup).
    private const int SortedBatch = 1 << 14;

    /// <summary>
    /// Fits the correction on <paramref name="outputs"/> and corrects the same rows into <paramref name="destination"/>:
    /// row i gets exactly what <c>Fit(outputs, groups, options).Apply(outputs, groups, destination)</c> gives it, in
    /// a fraction of the time (no search per row, no tables).
    /// </summary>
    /// <param name="outputs">Calibration outputs, also the rows corrected; NaN and ±∞ are left out of the fit and copied unchanged.</param>
    /// <param name="groups">The group of each output.</param>
    /// <param name="destination">Where the corrected outputs go (at least as long as <paramref name="outputs"/>; may be the same memory).</param>
    /// <param name="options">Strength and seed; defaults when null.</param>
    /// <returns>The fitted corrector, to correct further rows.</returns>
    /// <exception cref="ArgumentException">Fewer than two groups have a finite output, a group has none, a key is null, or the lengths differ; nothing is written then.</exception>
    public static ExactBarycenterCorrector<TGroup> FitAndApply(ReadOnlySpan<double> outputs, ReadOnlySpan<TGroup> groups, Span<double> destination, BarycenterOptions? options = null)
    {
        options ??= new BarycenterOptions();
        options.Validate();
        if (destination.Length < outputs.Length)
        {
            throw new ArgumentException($"destination has room for {destination.Length} rows but {outputs.Length} are needed.", nameof(destination));
        }

        var partition = RowPartition<TGroup>.Create(outputs, groups);
        var keys = partition.Keys;
        for (var g = 0; g < keys.Length; g++)
        {
            if (partition.Values[g].Length == 0)
            {
                throw new ArgumentException($"Group '{keys[g]}' has no finite calibration output; every group needs at least one.", nameof(outputs));
            }
        }

        if (keys.Length < 2)
        {
            throw new ArgumentException($"The barycenter correction needs at least 2 groups in calibration; got {keys.Length}.", nameof(groups));
        }

        var parallel = outputs.Length >= ParallelInSample;
        var (sorted, rows) = SortEach(partition.Values, partition.Rows, parallel);
        var corrector = new ExactBarycenterCorrector<TGroup>(keys, partition.Index, sorted, partition.NonFinite, options);
        ForEachGroup(keys.Length, parallel, g => corrector.CorrectSorted(g, sorted[g], rows[g], 0, partition.Values[g]));
        Scatter(outputs, partition.Values, rows, destination);
        return corrector;
    }

    // A batch of ≥ SortedBatch rows, split by group and each group sorted with its row indices (in parallel): each
    // row's place among the calibration outputs is then found by galloping forward from the previous row's, the
    // quantile reads move forward too, and no table is needed. Row i gets Correct(y_i, g_i, first + i) exactly.
    private int ApplyByGroup(ReadOnlySpan<double> outputs, int[] codes, Span<double> destination, long firstRowIndex)
    {
        var counts = new int[_sorted.Length];
        var nonFinite = 0;
        for (var i = 0; i < outputs.Length; i++)
        {
            if (double.IsFinite(outputs[i]))
            {
                counts[codes[i]]++;
            }
            else
            {
                codes[i] = -1;
                nonFinite++;
            }
        }

        var (values, unsortedRows) = RowPartition<TGroup>.Split(outputs, codes, counts);
        var parallel = outputs.Length >= ParallelInSample;
        var (sorted, rows) = SortEach(values, unsortedRows, parallel);
        ForEachGroup(_sorted.Length, parallel, g => CorrectSorted(g, sorted[g], rows[g], firstRowIndex, values[g]));
        Scatter(outputs, values, rows, destination);
        return nonFinite;
    }

    // Each group's values sorted ascending with their row indices (ties in row order).
    private static (double[][] Sorted, int[][] Rows) SortEach(double[][] values, int[][] rows, bool parallel)
    {
        var sorted = new double[values.Length][];
        var sortedRows = new int[values.Length][];
        ForEachGroup(values.Length, parallel, g =>
        {
            sorted[g] = GC.AllocateUninitializedArray<double>(values[g].Length);
            sortedRows[g] = GC.AllocateUninitializedArray<int>(values[g].Length);
            DoubleRadixSort.SortTagged(values[g], rows[g], sorted[g], sortedRows[g]);
        });
        return (sorted, sortedRows);
    }

    // Non-finite rows are copied; every other row gets its group's fair value.
    private static void Scatter(ReadOnlySpan<double> outputs, double[][] fair, int[][] rows, Span<double> destination)
    {
        for (var i = 0; i < outputs.Length; i++)
        {
            if (!double.IsFinite(outputs[i]))
            {
                destination[i] = outputs[i];
            }
        }

        for (var g = 0; g < fair.Length; g++)
        {
            var (values, at) = (fair[g], rows[g]);
            for (var j = 0; j < values.Length; j++)
            {
                destination[at[j]] = values[j];
            }
        }
    }

    private static void ForEachGroup(int count, bool parallel, Action<int> body)
    {
        if (parallel)
        {
            Parallel.For(0, count, body);
            return;
        }

        for (var g = 0; g < count; g++)
        {
            body(g);
        }
    }

    // The fair value of each of group g's rows y (ascending, with their row indices) into fair: what Correct gives.
    // below and atOrBelow, the counts of the group's calibration outputs under and up to y, only grow along the walk.
    private void CorrectSorted(int g, double[] ys, int[] rows, long firstRowIndex, double[] fair)
    {
        if (_strength == 0)
        {
            ys.CopyTo(fair, 0);
            return;
        }

        var own = _sorted[g];
        int below = 0, atOrBelow = 0;
        for (var j = 0; j < ys.Length; j++)
        {
            var y = ys[j];
            if (j == 0 || y != ys[j - 1])
            {
                // In-sample (the rows are the calibration outputs) the run of y starts here: only its end is sought.
                below = ReferenceEquals(ys, own) ? j : Gallop(own, atOrBelow, y, inclusive: false);
                atOrBelow = Gallop(own, below, y, inclusive: true);
            }

            fair[j] = below == atOrBelow
                ? Blend(y, g, BarycenterQuantile(below / (double)own.Length))
                : InAtom(y, g, firstRowIndex + rows[j], below, atOrBelow);
        }
    }

    // The first index from `from` whose output is not below y (not at or below y when inclusive); every index
    // before `from` is. Galloping: log2 of the distance moved.
    private static int Gallop(double[] own, int from, double y, bool inclusive)
    {
        var (lo, step) = (from, 1);
        while (lo + step <= own.Length && (inclusive ? own[lo + step - 1] <= y : own[lo + step - 1] < y))
        {
            lo += step;
            step *= 2;
        }

        var hi = Math.Min(own.Length, lo + step);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (inclusive ? own[mid] <= y : own[mid] < y)
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
}
