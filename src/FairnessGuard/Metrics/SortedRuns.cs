namespace FairnessGuard.Metrics;

/// <summary>
/// Sorting the groups of a <see cref="GroupedOutputs{TGroup}"/> and building the pool from them: each group is
/// sorted once (in parallel when the data are large) and the pool is the merge of the sorted groups, O(n log k)
/// instead of a second O(n log n) sort.
/// </summary>
internal static class SortedRuns
{
    // Below this many values in all, one thread sorts and merges (a parallel loop costs more than it saves).
    private const int ParallelThreshold = 1 << 16;

    /// <summary>Sorts every array ascending, the arrays in parallel when there are many values.</summary>
    /// <param name="runs">The arrays, sorted in place.</param>
    public static void SortEach(double[][] runs)
    {
        if (runs.Length > 1 && Total(runs) >= ParallelThreshold)
        {
            // Largest first, so the last array a thread picks up is a small one.
            var order = Enumerable.Range(0, runs.Length).OrderByDescending(g => runs[g].Length).ToArray();
            Parallel.ForEach(order, g => DoubleRadixSort.Sort(runs[g]));
            return;
        }

        foreach (var run in runs)
        {
            DoubleRadixSort.Sort(run);
        }
    }

    /// <summary>All values of the sorted <paramref name="runs"/> in one ascending array (a new array).</summary>
    /// <param name="runs">Arrays each sorted ascending.</param>
    /// <returns>The merged values.</returns>
    public static double[] Merge(double[][] runs)
    {
        var total = Total(runs);
        var source = new double[total];
        var bounds = new List<int>(runs.Length + 1) { 0 };
        foreach (var run in runs)
        {
            if (run.Length > 0)
            {
                run.CopyTo(source, bounds[^1]);
                bounds.Add(bounds[^1] + run.Length);
            }
        }

        if (bounds.Count <= 2)
        {
            return source;
        }

        // Bottom-up: merge neighbouring runs pairwise, log2(k) passes between two buffers.
        var target = new double[total];
        while (bounds.Count > 2)
        {
            var runCount = bounds.Count - 1;
            var pairs = (runCount + 1) / 2;
            var (from, to, edges) = (source, target, bounds);
            void MergePair(int p)
            {
                var lo = edges[2 * p];
                var mid = edges[Math.Min((2 * p) + 1, runCount)];
                var hi = edges[Math.Min((2 * p) + 2, runCount)];
                MergeTwo(from.AsSpan(lo, mid - lo), from.AsSpan(mid, hi - mid), to.AsSpan(lo, hi - lo));
            }

            if (pairs > 1 && total >= ParallelThreshold)
            {
                Parallel.For(0, pairs, MergePair);
            }
            else
            {
                for (var p = 0; p < pairs; p++)
                {
                    MergePair(p);
                }
            }

            var next = new List<int>(pairs + 1);
            for (var r = 0; r <= runCount; r += 2)
            {
                next.Add(bounds[r]);
            }

            if (next[^1] != total)
            {
                next.Add(total);
            }

            bounds = next;
            (source, target) = (target, source);
        }

        return source;
    }

    private static void MergeTwo(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> into)
    {
        int i = 0, j = 0, k = 0;
        while (i < a.Length && j < b.Length)
        {
            into[k++] = b[j] < a[i] ? b[j++] : a[i++];
        }

        a[i..].CopyTo(into[k..]);
        b[j..].CopyTo(into[(k + a.Length - i)..]);
    }

    private static int Total(double[][] runs)
    {
        var total = 0;
        foreach (var run in runs)
        {
            total += run.Length;
        }

        return total;
    }
}
