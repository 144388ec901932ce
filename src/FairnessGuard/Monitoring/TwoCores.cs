namespace FairnessGuard.Monitoring;

/// <summary>
/// Splits a rebuild's or a review's work over two cores, deterministically: each part writes only its own results
/// (its slots, its sweep), so the figures are the same bits whichever thread ran which part, and the same as on one
/// thread. The calling thread runs one part and waits for the other (which it runs itself when no pool thread has
/// taken it yet), so nothing waits on a starved pool. Small work stays on the calling thread: starting a task costs
/// more than it saves there.
/// </summary>
internal static class TwoCores
{
    /// <summary>Below this much work (retained values, or groups × knots) everything runs on the calling thread.</summary>
    public const long MinWork = 1 << 15;

    /// <summary>Whether <paramref name="work"/> is worth a second core on this machine.</summary>
    public static bool Worth(long work) => work >= MinWork && Environment.ProcessorCount >= 2;

    /// <summary>Runs <paramref name="first"/> and <paramref name="second"/>, on two cores when <paramref name="parallel"/>.</summary>
    public static void Both(bool parallel, Action first, Action second)
    {
        if (!parallel)
        {
            first();
            second();
            return;
        }

        Parallel.Invoke(first, second);
    }

    /// <summary>Runs <paramref name="range"/> over [0, <paramref name="count"/>) in two halves, on two cores when <paramref name="parallel"/>.</summary>
    public static void Halves(int count, bool parallel, Action<int, int> range)
    {
        if (!parallel || count < 2)
        {
            range(0, count);
            return;
        }

        var middle = count / 2;
        Parallel.Invoke(() => range(0, middle), () => range(middle, count));
    }
}
