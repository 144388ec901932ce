using FairnessGuard.Monitoring;
using FairnessGuard.Sketches;

namespace FairnessGuard.Guard;

/// <summary>
/// The last raw sweep of a guard's reports, reused while every group's raw distribution (its
/// <see cref="RawStamp"/>) and the set of groups in the pairwise figures are unchanged: the raw figures depend
/// on nothing else (not on the map, not on the returned outputs), so the reused sweep is the one a new run
/// would compute. Safe for concurrent reports: an entry is immutable and published by reference.
/// </summary>
internal sealed class RawSweepMemo
{
    private Entry? _last;

    /// <summary>The raw sweep of <paramref name="raw"/>, reused when the captures' stamps and <paramref name="inPairs"/> match the last run.</summary>
    public ParitySweep Run(IReadOnlyList<GroupCapture> captures, SortedView[] raw, bool[] inPairs)
    {
        if (Volatile.Read(ref _last) is { } last && last.Matches(captures, inPairs))
        {
            return last.Sweep;
        }

        var sweep = ParitySweep.Run(raw, inPairs, default);
        var stamps = new RawStamp[captures.Count];
        for (var i = 0; i < stamps.Length; i++)
        {
            stamps[i] = captures[i].RawStamp;
        }

        Volatile.Write(ref _last, new Entry(stamps, (bool[])inPairs.Clone(), sweep));
        return sweep;
    }

    private sealed record Entry(RawStamp[] Stamps, bool[] InPairs, ParitySweep Sweep)
    {
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
