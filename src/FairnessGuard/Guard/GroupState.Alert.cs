using FairnessGuard.Sketches;

namespace FairnessGuard.Guard;

/// <content>
/// A change one group found may have moved every group: a change upstream (a new data feed, inflation, a model update)
/// moves them all at once. A small group fills its drift windows slowly, and its reference, renewed at every rebuild,
/// takes in the new outputs meanwhile; left alone, its history would stand for a present it no longer describes, and the
/// guard would "correct" the gap between the changed groups' after and this group's before (on a fair stream whose
/// every output moved by +0.5, KS 0.046 raw → 0.254 returned). So when a group's change is confirmed, every other group
/// no larger than it (a larger one fills its windows faster: had it moved, it would have shown it first) sets its
/// history aside: its estimate goes on from the samples that come after, and its first window of them is
/// tested at the confirming stage's δ₂. Above the threshold the group moved too and the history is dropped; below it,
/// the history comes back. A stable group loses nothing but one window's time on fewer samples, when its correction
/// is shrunk (Small groups) rather than wrong.
/// </content>
internal sealed partial class GroupState
{
    // All under the sketch lock. Pending: alerted, the history is set aside at the next build. Alerted: the first window
    // after the alert is being filled. Held: _previousRaw is the history set aside (in no capture and no count). Fold:
    // the history came back and is merged into the current sketch at the next build.
    private bool _alertPending;
    private bool _alerted;
    private bool _historyHeld;
    private bool _foldPending;
    private long _heldSamples;

    /// <summary>
    /// Another group's change was confirmed: this group's history is set aside at the next build (off the prediction
    /// path), and its first window after that is tested at δ₂. Groups not tested for drift (no map reference yet,
    /// replicated, detection off) and groups with a <see cref="ParityGuardOptions.HorizonSamples"/> (which forget
    /// anyway) are left as they are.
    /// </summary>
    public void AlertDrift()
    {
        lock (_sketchLock)
        {
            _alertPending = _options.DriftDetection && _options.HorizonSamples is null && _reference is not null
                && _sharedRaw is null && _window is not null && _previousRaw is null;
        }
    }

    /// <summary>Acts on an alert or a cleared alert: sets the history aside or folds it back (a build calls this first).</summary>
    public void SettleForBuild()
    {
        lock (_sketchLock)
        {
            if (_alertPending && _previousRaw is null)
            {
                HoldHistoryLocked();
            }
            else if (_foldPending && _previousRaw is { } history)
            {
                history.Merge(_raw);
                _raw = history;
                _epochSamples = _epochSamples - _takenSamples + _previousEpochSamples;
                _takenSamples = 0;
                _previousRaw = null;
                _previousEpochSamples = 0;
                _foldPending = false;
                SampleMask = _epochSamples > RawFullRateSamples ? RawRateMask : 0;
            }

            _alertPending = false;
        }
    }

    /// <summary>
    /// The samples of the history held aside (0 when none): seen, though in no estimate now. The schedule counts them in
    /// the guard's size, so a large guard's builds stay off the calling threads while an alert is being settled.
    /// </summary>
    public long HeldSamples => Volatile.Read(ref _heldSamples);

    // The raw history captures combine with the current sketch: the previous epoch, unless it is held aside.
    private QuantileSketch? HistoryLocked() => _historyHeld ? null : _previousRaw;

    private void HoldHistoryLocked()
    {
        // The history is copied (here, on the building thread) and the current sketch emptied in place: it keeps its buffer,
        // so refilling it on the calling threads allocates nothing, as after a restart.
        _epoch++;
        _previousRaw = _raw.Clone();
        _previousEpochSamples = _epochSamples - _takenSamples;
        _raw.Reset(_seed + (ulong)_epoch);
        _epochSamples = 0;
        _takenSamples = 0;
        _historyHeld = true;
        Volatile.Write(ref _heldSamples, _previousEpochSamples);
        _alerted = true;
        _suspect = false;
        _windowCount = 0;
        SampleMask = 0;
        Eager = true;
    }

    // The first window after the alert showed no change: the history counts again, and is folded at the next build.
    private DrainOutcome ClearAlertLocked()
    {
        _alerted = false;
        _historyHeld = false;
        Volatile.Write(ref _heldSamples, 0);
        _foldPending = _previousRaw is not null;
        return DrainOutcome.Cleared;
    }

    // The first window after the alert showed a change: the estimate is what came after the alert (the window included),
    // and the group restarts from there.
    private void DropHistoryLocked() => StartAfreshLocked();

    private void ForgetAlertLocked()
    {
        _alertPending = false;
        _alerted = false;
        _historyHeld = false;
        Volatile.Write(ref _heldSamples, 0);
        _foldPending = false;
    }
}
