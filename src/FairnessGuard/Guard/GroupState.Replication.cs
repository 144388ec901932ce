using FairnessGuard.Sketches;

namespace FairnessGuard.Guard;

/// <content>
/// Replication: the group's local samples leave as deltas and come back inside the shared state. No second
/// sketch is updated per sample: the live sketches themselves are the delta since the last hand-out, and a
/// hand-out swaps them for fresh ones (off the prediction path, under the sketch lock).
/// </content>
internal sealed partial class GroupState
{
    // The shared state of all replicas, installed off the prediction path, and how many of this epoch's
    // samples have already been handed out as deltas.
    private QuantileSketch? _sharedRaw;
    private QuantileSketch? _sharedReturned;
    private long _sharedSamples;
    private long _takenSamples;
    private ulong _deltaTakes;

    /// <summary>
    /// Hands out everything fed since the last call as a delta and keeps it visible locally by folding it
    /// into the shared state until the next <see cref="SetShared"/>. Null when nothing was fed.
    /// </summary>
    /// <param name="replicaSalt">Distinguishes replicas' coin flips: merged sketches need independent seeds.</param>
    public (QuantileSketch Raw, QuantileSketch Returned, long Samples)? TakeDelta(ulong replicaSalt)
    {
        lock (_sketchLock)
        {
            var samples = _epochSamples - _takenSamples;
            if (samples == 0)
            {
                return null;
            }

            var (raw, returned) = (_raw, _returned);
            _takenSamples = _epochSamples;
            _sharedRaw = Folded(_sharedRaw, raw);
            _sharedReturned = Folded(_sharedReturned, returned);
            _sharedSamples += samples;
            _deltaTakes++;
            var seed = (_seed ^ replicaSalt) + (_deltaTakes * 0x9E3779B97F4A7C15UL);
            _raw = new QuantileSketch(_options.SketchK, seed);
            _returned = new QuantileSketch(_options.MonitorSketchK, ~seed);
            return (raw, returned, samples);
        }
    }

    /// <summary>Installs the shared state (all replicas' pushed deltas plus this replica's unacknowledged ones).</summary>
    public void SetShared(QuantileSketch? raw, QuantileSketch? returned, long samples)
    {
        lock (_sketchLock)
        {
            (_sharedRaw, _sharedReturned, _sharedSamples) = (raw, returned, samples);
        }
    }

    // The shared state itself when nothing local is pending, so replicas in sync see byte-identical sketches.
    private static QuantileSketch WithShared(QuantileSketch local, QuantileSketch? shared)
    {
        if (shared is null || shared.IsEmpty)
        {
            return local;
        }

        if (local.IsEmpty)
        {
            return shared;
        }

        var merged = shared.Clone();
        merged.Merge(local);
        return merged;
    }

    private static QuantileSketch Folded(QuantileSketch? shared, QuantileSketch delta)
    {
        if (shared is null)
        {
            return delta.Clone();
        }

        var merged = shared.Clone();
        merged.Merge(delta);
        return merged;
    }
}
