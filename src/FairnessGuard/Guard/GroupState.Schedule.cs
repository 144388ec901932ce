using FairnessGuard.Metrics;

namespace FairnessGuard.Guard;

/// <content>
/// What the rebuild schedule and the drift detector need from a group: its true count, when its growth next
/// calls for a rebuild, and a window of recent raw outputs tested against the group's distribution as the
/// last map saw it.
/// </content>
internal sealed partial class GroupState
{
    /// <summary>Below this many samples every call drains at once, so counts (warm-up, growth) are exact.</summary>
    internal const long EagerSamples = 2_048;

    private double[]? _window;
    private int _windowCount;
    private bool _suspect;
    private long _driftSuspects;
    private double[]? _reference;
    private long _referenceSamples;
    private long _builtSamples;
    private long _nextBuildAt;
    private long _driftRestarts;

    /// <summary>While true, a call's pair is drained at once instead of waiting for a full buffer.</summary>
    public volatile bool Eager = true;

    /// <summary>The true count at which this group's growth calls for a map rebuild (set at each rebuild).</summary>
    public long NextBuildAt
    {
        get => Volatile.Read(ref _nextBuildAt);
        set => Volatile.Write(ref _nextBuildAt, value);
    }

    /// <summary>The group's true count when the last map was built.</summary>
    public long BuiltSamples => Volatile.Read(ref _builtSamples);

    /// <summary>How many times drift restarted this group's estimate.</summary>
    public long DriftRestarts => Interlocked.Read(ref _driftRestarts);

    /// <summary>How many windows crossed the first-stage drift threshold (suspected a change).</summary>
    public long DriftSuspects => Interlocked.Read(ref _driftSuspects);

    /// <summary>
    /// Sets the drift detector's reference: the group's raw quantiles on the knot grid as the new map saw them
    /// (null stops testing until the next rebuild and forgets the window). A new reference keeps the window
    /// being filled and a pending suspicion, so a rebuild between two windows cannot hide a change. The window (room
    /// for two: a suspect's and the confirming one) is allocated here, off the prediction path, once per group.
    /// </summary>
    public void SetReference(double[]? rawGrid, long samples)
    {
        Volatile.Write(ref _builtSamples, samples);
        lock (_sketchLock)
        {
            if (rawGrid is not null && _options.DriftDetection)
            {
                _window ??= new double[2 * _options.DriftWindow];
            }

            // An alerted group's window is tested against its history, not against the samples since the alert (of which
            // the build may have none yet: no grid).
            if (_alerted)
            {
                return;
            }

            _reference = rawGrid;
            _referenceSamples = samples;
            if (rawGrid is null)
            {
                _windowCount = 0;
                _suspect = false;
            }
        }
    }

    private long SamplesLocked() => _epochSamples - _takenSamples + (_historyHeld ? 0 : _previousEpochSamples) + _sharedSamples;

    // Caller holds the sketch lock. A two-stage test on consecutive windows of W raw outputs, each against the
    // reference with the two-sample DKW threshold ε(W, δ) + ε(n_ref, δ) + 1/(K−1). A window above the threshold at
    // δ₁ = 1 − DriftConfidence makes the group a suspect; the next window confirms the change at the looser
    // δ₂ = 1 − DriftConfirmConfidence (restart from both windows) or clears the suspicion. A stable stream
    // restarts at most once per 1/(δ₁·δ₂) windows; a real change shows in two windows. After another group's change
    // (AlertDrift) the first window, all of it after the alert, is tested at δ₂: the group followed the change (its
    // history is dropped) or not (its history comes back). Not run on replicated groups.
    private DrainOutcome ObserveForDrift(double value)
    {
        if (!_options.DriftDetection || _reference is not { } reference || _sharedRaw is not null || _window is not { } window)
        {
            return DrainOutcome.None;
        }

        var w = _options.DriftWindow;
        window[_windowCount++] = value;
        var start = _suspect ? w : 0;
        if (_windowCount < start + w)
        {
            return DrainOutcome.None;
        }

        var current = window.AsSpan(start, w);
        current.Sort();
        var delta = 1 - (_suspect || _alerted ? _options.DriftConfirmConfidence : _options.DriftConfidence);
        var threshold = DkwBound.Epsilon(w, delta) + DkwBound.Epsilon(Math.Max(1, _referenceSamples), delta) + (1.0 / (reference.Length - 1));
        var crossed = WindowKs(current, reference) > threshold;
        if (crossed && (_suspect || _alerted))
        {
            return _alerted ? DrainOutcome.Followed : DrainOutcome.Detected;
        }

        if (crossed)
        {
            _suspect = true;
            Interlocked.Increment(ref _driftSuspects);
            return DrainOutcome.None;
        }

        _suspect = false;
        _windowCount = 0;
        return _alerted ? ClearAlertLocked() : DrainOutcome.None;
    }

    // Caller holds the sketch lock. Tests the value's window and acts on the outcome: a change the group found restarts it
    // from its windows; one it showed after another group's change drops its history (the samples since stay).
    private DrainOutcome ObserveForDriftAndAct(double value)
    {
        var observed = ObserveForDrift(value);
        if (observed == DrainOutcome.Detected)
        {
            RestartFromWindow();
        }
        else if (observed == DrainOutcome.Followed)
        {
            DropHistoryLocked();
        }

        return observed;
    }

    // KS between the sorted window's empirical CDF and the reference CDF (piecewise linear through its knots).
    private static double WindowKs(ReadOnlySpan<double> sorted, ReadOnlySpan<double> q)
    {
        double d = 0;
        var j = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var f = Correction.GridCdf.At(q, sorted[i], ref j);
            d = Math.Max(d, Math.Max(Math.Abs(f - (i / (double)sorted.Length)), Math.Abs(f - ((i + 1) / (double)sorted.Length))));
        }

        return d;
    }

    // Caller holds the sketch lock. The group's estimate starts again from the two windows that showed the change;
    // its returned outputs are judged afresh too. This runs on a calling thread, inside a drain: the sketches are
    // emptied in place (Reset: the same bits as new ones with these seeds, no allocation), and nobody outside the
    // lock holds them (captures copy them into views; a replicated group never restarts).
    private void RestartFromWindow()
    {
        _epoch++;
        _raw = Recycled(_raw, _options.SketchK, _seed + (ulong)_epoch);
        foreach (var v in _window.AsSpan(0, _windowCount))
        {
            _raw.Update(v);
        }

        _epochSamples = _windowCount;
        _takenSamples = 0;
        StartAfreshLocked();
    }

    // Caller holds the sketch lock. The end of every restart: the raw history gone, the returned outputs judged afresh
    // (emptied in place: nothing is allocated on the calling thread), no window, suspicion or alert, no reference until
    // the next build.
    private void StartAfreshLocked()
    {
        _previousRaw = null;
        _previousEpochSamples = 0;
        _returned = Recycled(_returned, _options.MonitorSketchK, ~_seed + (ulong)_epoch);
        _previousReturned = null;
        _returnedFed = 0;
        _windowCount = 0;
        _suspect = false;
        ForgetAlertLocked();
        _reference = null;
        Interlocked.Increment(ref _driftRestarts);
    }
}
