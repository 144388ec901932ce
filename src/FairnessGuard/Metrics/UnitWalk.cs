namespace FairnessGuard.Metrics;

/// <summary>
/// The exact KS and W1 distances between two sorted samples of unit weights in one two-pointer pass: the walk of
/// <see cref="Distributions.CdfPairWalk"/> specialised to arrays (no view, no cumulative weights), with the same
/// arithmetic in the same order, so the figures are those of <see cref="Distributions.Distance"/> bit for bit.
/// </summary>
internal static class UnitWalk
{
    /// <summary>KS and W1 between two ascending finite samples; both 0 when either is empty.</summary>
    /// <param name="a">The first sample, ascending.</param>
    /// <param name="b">The second sample, ascending.</param>
    public static (double Ks, double W1) KsAndW1(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return (0, 0);
        }

        double na = a.Length, nb = b.Length;
        double ks = 0, w1 = 0;
        int i = 0, j = 0;
        var position = Math.Min(a[0], b[0]);
        while (true)
        {
            while (i < a.Length && a[i] <= position)
            {
                i++;
            }

            while (j < b.Length && b[j] <= position)
            {
                j++;
            }

            // Both CDFs are constant on [position, next): the gap's supremum and its integral.
            var gap = Math.Abs((i / na) - (j / nb));
            ks = Math.Max(ks, gap);
            if (i == a.Length && j == b.Length)
            {
                return (ks, w1);
            }

            var next = Math.Min(i < a.Length ? a[i] : double.PositiveInfinity, j < b.Length ? b[j] : double.PositiveInfinity);
            if (double.IsFinite(next))
            {
                w1 += gap * (next - position);
            }

            position = next;
        }
    }

    /// <summary>The KS distance between two ascending finite samples; 0 when either is empty.</summary>
    /// <param name="a">The first sample, ascending.</param>
    /// <param name="b">The second sample, ascending.</param>
    public static double Ks(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return 0;
        }

        double na = a.Length, nb = b.Length;
        double ks = 0;
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            var position = Math.Min(i < a.Length ? a[i] : double.PositiveInfinity, j < b.Length ? b[j] : double.PositiveInfinity);
            while (i < a.Length && a[i] <= position)
            {
                i++;
            }

            while (j < b.Length && b[j] <= position)
            {
                j++;
            }

            ks = Math.Max(ks, Math.Abs((i / na) - (j / nb)));
        }

        return ks;
    }
}
