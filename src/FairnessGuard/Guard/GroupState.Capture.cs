using FairnessGuard.Sketches;

namespace FairnessGuard.Guard;

/// <summary>Consistent pictures of a group's sketches for rebuilds and reports.</summary>
internal sealed partial class GroupState
{
    /// <summary>
    /// A consistent, immutable picture of the group's distributions for a rebuild or a report. When the raw
    /// stamp equals <paramref name="knownRaw"/> (figures derived from it are at hand) the raw view is not built:
    /// <see cref="GroupCapture.Raw"/> is null and the raw extremes and rank error are NaN.
    /// </summary>
    /// <remarks>
    /// <paramref name="handed"/> is a raw capture a map build just took with <see cref="CaptureRawKept"/>: when its
    /// stamp is still the group's, its view is the one this capture would build, so it is taken as it is (one sort
    /// of the group's sketch per rebuild and review, not two). With an <paramref name="arena"/> the views are cut
    /// from it and live until it is released.
    /// </remarks>
    public GroupCapture Capture(double confidence, RawStamp knownRaw = default, RawCapture handed = default, ViewArena? arena = null)
    {
        lock (_sketchLock)
        {
            var stamp = RawStampLocked();
            var returned = WithShared(Combined(_returned, _previousReturned), _sharedReturned);

            // Sorting level 0 in place (under the sketch lock, so a write like any other) leaves the next view
            // only the samples that arrive until then to sort.
            returned.SortLevel0();
            var returnedView = arena is null ? returned.GetSortedView() : returned.ViewIn(arena);
            _returned.ReleaseSortedView();
            var returnedError = returned.GetRankErrorBound(1 - ((1 - confidence) / Math.Max(1, returnedView.Values.Length)));
            if (stamp == knownRaw)
            {
                return new GroupCapture(this, SamplesLocked(), null, double.NaN, double.NaN, double.NaN, returnedView, returnedError, stamp);
            }

            if (handed.View is { } kept && handed.Stamp == stamp)
            {
                return new GroupCapture(this, SamplesLocked(), kept, handed.Min, handed.Max, handed.RankError, returnedView, returnedError, stamp);
            }

            var raw = WithShared(Combined(_raw, HistoryLocked()), _sharedRaw);
            raw.SortLevel0();
            var rawView = arena is null ? raw.GetSortedView() : raw.ViewIn(arena);

            // The views live as long as the rebuild that asked for them, not as long as the group.
            _raw.ReleaseSortedView();

            // A KS is a supremum over every retained value: the per-query bound is taken for all of them at
            // once (union bound over the view's length).
            return new GroupCapture(
                this,
                SamplesLocked(),
                rawView,
                raw.Min,
                raw.Max,
                raw.GetRankErrorBound(1 - ((1 - confidence) / Math.Max(1, rawView.Values.Length))),
                returnedView,
                returnedError,
                stamp);
        }
    }

    /// <summary>
    /// The raw distribution alone (a map build needs nothing else): its stamp, true count, and — only when the
    /// stamp differs from <paramref name="known"/> — its view and extremes. Stamp and view are taken together.
    /// The view is in rented arrays: the caller hands it back (<see cref="SortedView.ReturnToPool"/>) when done.
    /// </summary>
    public RawCapture CaptureRawUnless(RawStamp known)
    {
        lock (_sketchLock)
        {
            var stamp = RawStampLocked();
            if (stamp == known)
            {
                return new RawCapture(stamp, null, double.NaN, double.NaN, SamplesLocked());
            }

            var raw = WithShared(Combined(_raw, HistoryLocked()), _sharedRaw);
            raw.SortLevel0();
            return new RawCapture(stamp, raw.RentSortedView(), raw.Min, raw.Max, SamplesLocked());
        }
    }

    /// <summary>
    /// Like <see cref="CaptureRawUnless"/>, for a map build a review follows at once: the view is not rented but
    /// kept for that review (<see cref="Capture"/>'s handed capture), with the rank error the review's capture computes.
    /// The view is cut from <paramref name="arena"/> (released once that review is done).
    /// </summary>
    public RawCapture CaptureRawKept(RawStamp known, double confidence, ViewArena arena)
    {
        lock (_sketchLock)
        {
            var stamp = RawStampLocked();
            if (stamp == known)
            {
                return new RawCapture(stamp, null, double.NaN, double.NaN, SamplesLocked());
            }

            var raw = WithShared(Combined(_raw, HistoryLocked()), _sharedRaw);
            raw.SortLevel0();
            var rawView = raw.ViewIn(arena);
            _raw.ReleaseSortedView();
            var error = raw.GetRankErrorBound(1 - ((1 - confidence) / Math.Max(1, rawView.Values.Length)));
            return new RawCapture(stamp, rawView, raw.Min, raw.Max, SamplesLocked(), error);
        }
    }

    // Every sketch the raw distribution is made of (Combined, WithShared are deterministic in them).
    private RawStamp RawStampLocked() => new(_raw.Stamp, HistoryLocked()?.Stamp ?? default, _sharedRaw?.Stamp ?? default);

    private static QuantileSketch Combined(QuantileSketch current, QuantileSketch? previous)
    {
        if (previous is null)
        {
            return current;
        }

        var merged = current.Clone();
        merged.Merge(previous);
        return merged;
    }
}

/// <summary>
/// Names a group's raw distribution: the stamps of the sketches it is made of (current epoch, previous epoch,
/// shared replica state). Equal stamps give an equal view, so what was derived from it can be reused.
/// </summary>
/// <param name="Current">The current epoch's sketch.</param>
/// <param name="Previous">The previous epoch's sketch (default when none).</param>
/// <param name="Shared">The shared replica sketch (default when none).</param>
internal readonly record struct RawStamp((long Instance, long Count) Current, (long Instance, long Count) Previous, (long Instance, long Count) Shared);

/// <summary>A map build's picture of a group's raw distribution; <see cref="View"/> (rented) is null when the stamp was already known.</summary>
/// <param name="Stamp">The raw distribution's stamp.</param>
/// <param name="View">The sorted view, or null when unchanged.</param>
/// <param name="Min">The smallest raw output (NaN without a view).</param>
/// <param name="Max">The largest raw output (NaN without a view).</param>
/// <param name="Samples">The true number of finite samples in the horizon.</param>
/// <param name="RankError">The rank-error bound over all the view's values (NaN unless the view is kept for a review).</param>
internal readonly record struct RawCapture(RawStamp Stamp, SortedView? View, double Min, double Max, long Samples, double RankError = double.NaN);

/// <summary>
/// A raw capture a map build keeps for the review that follows. A reference, so the build's per-slot array stays
/// small: an array of the struct itself is ≈ 88 KB at 1,000 groups, a large-object allocation every rebuild.
/// </summary>
/// <param name="capture">The capture.</param>
internal sealed class KeptRaw(RawCapture capture)
{
    /// <summary>The capture.</summary>
    public RawCapture Capture { get; } = capture;
}

/// <summary>The raw captures a map build kept for the review that follows, by slot, and the arena their views are cut from.</summary>
/// <param name="slots">The kept captures by slot (null where the group's grid was reused).</param>
/// <param name="arena">The views' arena: the review releases it when done.</param>
internal sealed class KeptViews(KeptRaw?[] slots, ViewArena arena)
{
    /// <summary>The kept captures by slot.</summary>
    public KeptRaw?[] Slots { get; } = slots;

    /// <summary>The arena the kept views are cut from.</summary>
    public ViewArena Arena { get; } = arena;
}
