using FairnessGuard.Sketches;

namespace FairnessGuard.Guard;

/// <summary>Consistent pictures of a group's sketches for rebuilds and reports.</summary>
internal sealed partial class GroupState
{
    /// <summary>A consistent, immutable picture of the group's distributions for a rebuild or a report.</summary>
    public GroupCapture Capture(double confidence)
    {
        lock (_sketchLock)
        {
            var raw = WithShared(Combined(_raw, _previousRaw), _sharedRaw);
            var returned = WithShared(Combined(_returned, _previousReturned), _sharedReturned);
            var rawView = raw.GetSortedView();
            var returnedView = returned.GetSortedView();

            // The views live as long as the rebuild that asked for them, not as long as the group.
            _raw.ReleaseSortedView();
            _returned.ReleaseSortedView();

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
                returned.GetRankErrorBound(1 - ((1 - confidence) / Math.Max(1, returnedView.Values.Length))));
        }
    }

    /// <summary>The raw distribution alone (a map build needs nothing else): view, extremes, true count.</summary>
    public (Sketches.SortedView View, double Min, double Max, long Samples) CaptureRaw()
    {
        lock (_sketchLock)
        {
            var raw = WithShared(Combined(_raw, _previousRaw), _sharedRaw);
            var view = raw.GetSortedView();
            _raw.ReleaseSortedView();
            return (view, raw.Min, raw.Max, SamplesLocked());
        }
    }

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
