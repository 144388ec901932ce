using FairnessGuard.Sketches;

namespace FairnessGuard.Guard;

/// <content>Snapshot and restore of a group's sketches and counters.</content>
internal sealed partial class GroupState
{
    internal (QuantileSketch Raw, QuantileSketch? PreviousRaw, QuantileSketch Returned, QuantileSketch? PreviousReturned) SketchesForSnapshot()
    {
        lock (_sketchLock)
        {
            return (_raw.Clone(), _previousRaw?.Clone(), _returned.Clone(), _previousReturned?.Clone());
        }
    }

    // Samples already handed out as deltas are not in the live sketches, so a snapshot does not count them.
    internal (long Current, long Previous) EpochSamples()
    {
        lock (_sketchLock)
        {
            return (_epochSamples - _takenSamples, _previousEpochSamples);
        }
    }

    internal void RestoreSketches(QuantileSketch raw, QuantileSketch? previousRaw, QuantileSketch returned, QuantileSketch? previousReturned, GroupCounters counters, long epochSamples, long previousEpochSamples)
    {
        lock (_sketchLock)
        {
            (_raw, _previousRaw, _returned, _previousReturned) = (raw, previousRaw, returned, previousReturned);
            (_epochSamples, _previousEpochSamples) = (epochSamples, previousEpochSamples);
            _returnedFed = returned.Count;
            Eager = SamplesLocked() < EagerSamples;
        }

        var stripe = StripeForCurrentThread();
        stripe.Enter();
        stripe.Predictions += counters.Predictions;
        stripe.Corrections += counters.Corrections;
        stripe.WarmUpPassThroughs += counters.WarmUpPassThroughs;
        stripe.MonitorPassThroughs += counters.MonitorPassThroughs;
        stripe.NonFinite += counters.NonFinite;
        stripe.Changed += counters.Changed;
        stripe.NoHarmPassThroughs += counters.NoHarmPassThroughs;
        stripe.Exit();
    }
}
