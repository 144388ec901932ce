using FairnessGuard.Metrics;

namespace FairnessGuard.Correction;

/// <content>
/// Fitting and correcting the same rows in one pass. Each group is sorted once with every row's index carried
/// through the sort, so a row's place in its group (F_s(y−) and F_s(y), the ends of its run of equal outputs) is
/// known without a search, and the barycenter's quantile reads move forward through memory. Every row of a
/// calibration set is in an atom of its own group (its own output is one of the knots), so each row takes the
/// tie-broken branch of <c>Correct</c>, evaluated here by the same code: the results are bit for bit those of
/// <see cref="Fit"/> followed by <see cref="Apply(ReadOnlySpan{double}, ReadOnlySpan{TGroup}, Span{double}, long)"/>.
/// </content>
public sealed partial class ExactBarycenterCorrector<TGroup>
{
    // Below this many rows the groups are sorted and corrected on one thread.
    private const int ParallelInSample = 1 << 16;

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

        // Each group's outputs sorted with their row indices; the unsorted copy then holds the fair values.
        var sorted = new double[keys.Length][];
        var rows = new int[keys.Length][];
        void Sort(int g)
        {
            sorted[g] = GC.AllocateUninitializedArray<double>(partition.Values[g].Length);
            rows[g] = GC.AllocateUninitializedArray<int>(sorted[g].Length);
            DoubleRadixSort.SortTagged(partition.Values[g], partition.Rows[g], sorted[g], rows[g]);
        }

        var parallel = outputs.Length >= ParallelInSample;
        ForEachGroup(keys.Length, parallel, Sort);
        var corrector = new ExactBarycenterCorrector<TGroup>(keys, partition.Index, sorted, partition.NonFinite, options);
        ForEachGroup(keys.Length, parallel, g => corrector.CorrectOwnRows(g, rows[g], partition.Values[g]));

        for (var i = 0; i < outputs.Length; i++)
        {
            if (!double.IsFinite(outputs[i]))
            {
                destination[i] = outputs[i];
            }
        }

        for (var g = 0; g < keys.Length; g++)
        {
            var (fair, at) = (partition.Values[g], rows[g]);
            for (var j = 0; j < fair.Length; j++)
            {
                destination[at[j]] = fair[j];
            }
        }

        return corrector;
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

    // The fair value of each of group g's calibration rows, in the group's sorted order. A run of equal outputs
    // [a, b) is the atom of its value: a outputs lie below it and b at or below it.
    private void CorrectOwnRows(int g, int[] rows, double[] fair)
    {
        var own = _sorted[g];
        if (_strength == 0)
        {
            own.CopyTo(fair, 0);
            return;
        }

        for (var a = 0; a < own.Length;)
        {
            var y = own[a];
            var b = a + 1;
            while (b < own.Length && own[b] == y)
            {
                b++;
            }

            for (var j = a; j < b; j++)
            {
                fair[j] = InAtom(y, g, rows[j], a, b);
            }

            a = b;
        }
    }
}
