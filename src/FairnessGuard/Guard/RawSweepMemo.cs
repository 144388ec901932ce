using FairnessGuard.Distributions;
using FairnessGuard.Monitoring;
using FairnessGuard.Sketches;

namespace FairnessGuard.Guard;

/// <summary>
/// The last raw figures of a guard's reports (the raw sweep and each group's raw selection rates), reused while
/// every group's raw distribution (its <see cref="RawStamp"/>) and the set of groups in the pairwise figures are
/// unchanged: the raw figures depend on nothing else (not on the map, not on the returned outputs), so the
/// reused figures are the ones a new run would compute. A report that can reuse them does not even build the
/// groups' raw views. Safe for concurrent reports: an entry is immutable and published by reference.
/// </summary>
internal sealed class RawSweepMemo
{
    private Entry? _last;

    /// <summary>The last entry, or null.</summary>
    public Entry? Last => Volatile.Read(ref _last);

    /// <summary>Runs the raw sweep and the rates on <paramref name="captures"/> (every raw view present) and publishes them.</summary>
    public Entry Compute(IReadOnlyList<GroupCapture> captures, bool[] inPairs, IReadOnlyList<double> thresholds)
    {
        var raw = new SortedView[captures.Count];
        var stamps = new RawStamp[captures.Count];
        var rates = new double[captures.Count][];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = captures[i].Raw ?? throw new InvalidOperationException("A raw sweep needs every raw view.");
            stamps[i] = captures[i].RawStamp;
            rates[i] = Rates(raw[i], thresholds);
        }

        var entry = new Entry(stamps, (bool[])inPairs.Clone(), ParitySweep.Run(raw, inPairs, default), rates);
        Volatile.Write(ref _last, entry);
        return entry;
    }

    /// <summary>The share of outputs at or above each threshold.</summary>
    public static double[] Rates(SortedView view, IReadOnlyList<double> thresholds)
    {
        var rates = new double[thresholds.Count];
        for (var t = 0; t < rates.Length; t++)
        {
            rates[t] = view.TotalWeight == 0 ? 0 : 1 - view.GetRank(thresholds[t], SearchCriteria.Exclusive);
        }

        return rates;
    }

    /// <summary>Raw figures and what they were computed from.</summary>
    /// <param name="Stamps">Each group's raw stamp.</param>
    /// <param name="InPairs">Which groups took part in the pairwise figures.</param>
    /// <param name="Sweep">The raw sweep.</param>
    /// <param name="RawRates">Each group's raw selection rates at the policy's thresholds.</param>
    internal sealed record Entry(RawStamp[] Stamps, bool[] InPairs, ParitySweep Sweep, double[][] RawRates)
    {
        /// <summary>The stamp recorded for group <paramref name="i"/>, or default (matches nothing).</summary>
        public RawStamp StampOf(int i) => i < Stamps.Length ? Stamps[i] : default;

        /// <summary>Whether these figures are those of <paramref name="captures"/> with <paramref name="inPairs"/>.</summary>
        public bool Matches(IReadOnlyList<GroupCapture> captures, bool[] inPairs)
        {
            if (Stamps.Length != captures.Count || !InPairs.AsSpan().SequenceEqual(inPairs))
            {
                return false;
            }

            for (var i = 0; i < Stamps.Length; i++)
            {
                if (Stamps[i] != captures[i].RawStamp)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
