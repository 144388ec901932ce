using FairnessGuard.Sketches;

namespace FairnessGuard.Guard;

/// <summary>An immutable picture of one group's raw and returned distributions.</summary>
/// <param name="State">The group.</param>
/// <param name="Samples">The true number of finite samples in the horizon (the sketches may hold a subsample).</param>
/// <param name="Raw">The raw outputs' sorted view; null when the capture was told its raw figures are at hand (same stamp).</param>
/// <param name="RawMin">The smallest raw output (NaN without a raw view).</param>
/// <param name="RawMax">The largest raw output (NaN without a raw view).</param>
/// <param name="RawRankError">The raw sketch's rank-error bound over all its values (NaN without a raw view).</param>
/// <param name="Returned">The returned outputs' sorted view.</param>
/// <param name="ReturnedRankError">The returned sketch's rank-error bound over all its values.</param>
/// <param name="RawStamp">Names the raw distribution captured (equal stamps, equal <paramref name="Raw"/>).</param>
internal sealed record GroupCapture(
    GroupState State,
    long Samples,
    SortedView? Raw,
    double RawMin,
    double RawMax,
    double RawRankError,
    SortedView Returned,
    double ReturnedRankError,
    RawStamp RawStamp)
{
    /// <summary>The size of the returned-output sample the monitor's bounds are computed on.</summary>
    public long ReturnedCount => Returned.TotalWeight;
}
