using FairnessGuard.Metrics;
using FairnessGuard.Sketches;

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
    private double[]? _reference;
    private long _referenceSamples;
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

    /// <summary>How many times drift restarted this group's estimate.</summary>
    public long DriftRestarts => Interlocked.Read(ref _driftRestarts);

    /// <summary>
    /// Sets the drift detector's reference: the group's raw quantiles on the knot grid as the new map saw them
    /// (null stops testing until the next rebuild).
    /// </summary>
    public void SetReference(double[]? rawGrid, long samples)
    {
        lock (_sketchLock)
        {
            _reference = rawGrid;
            _referenceSamples = samples;
            _windowCount = 0;
        }
    }

    private long SamplesLocked() => _epochSamples - _takenSamples + _previousEpochSamples + _sharedSamples;

    // Caller holds the sketch lock. True when a full window's KS to the reference exceeds the two-sample DKW
    // threshold ε(W, δ) + ε(n_ref, δ) + 1/(K−1), δ = 1 − DriftConfidence. Not run on replicated groups.
    private bool ObserveForDrift(double value)
    {
        if (!_options.DriftDetection || _reference is not { } reference || _sharedRaw is not null)
        {
            return false;
        }

        var window = _window ??= new double[_options.DriftWindow];
        window[_windowCount++] = value;
        if (_windowCount < window.Length)
        {
            return false;
        }

        Array.Sort(window);
        var delta = 1 - _options.DriftConfidence;
        var threshold = DkwBound.Epsilon(window.Length, delta) + DkwBound.Epsilon(Math.Max(1, _referenceSamples), delta) + (1.0 / (reference.Length - 1));
        if (WindowKs(window, reference) > threshold)
        {
            return true;
        }

        _windowCount = 0;
        return false;
    }

    // KS between the sorted window's empirical CDF and the reference CDF (piecewise linear through its knots).
    private static double WindowKs(ReadOnlySpan<double> sorted, ReadOnlySpan<double> q)
    {
        var last = q.Length - 1;
        double d = 0;
        var j = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var x = sorted[i];
            while (j < q.Length && q[j] <= x)
            {
                j++;
            }

            var f = j == 0 ? 0 : j == q.Length ? 1 : (j - 1 + ((x - q[j - 1]) / (q[j] - q[j - 1]))) / last;
            if (!double.IsFinite(f))
            {
                f = (j - 1) / (double)last;
            }

            d = Math.Max(d, Math.Max(Math.Abs(f - (i / (double)sorted.Length)), Math.Abs(f - ((i + 1) / (double)sorted.Length))));
        }

        return d;
    }

    // Caller holds the sketch lock. The group's estimate starts again from the window that showed the change;
    // its returned outputs are judged afresh too.
    private void RestartFromWindow()
    {
        _epoch++;
        _raw = new QuantileSketch(_options.SketchK, _seed + (ulong)_epoch);
        foreach (var v in _window.AsSpan(0, _windowCount))
        {
            _raw.Update(v);
        }

        _previousRaw = null;
        _returned = new QuantileSketch(_options.MonitorSketchK, ~_seed + (ulong)_epoch);
        _previousReturned = null;
        _returnedFed = 0;
        _epochSamples = _windowCount;
        _previousEpochSamples = 0;
        _takenSamples = 0;
        _windowCount = 0;
        _reference = null;
        Interlocked.Increment(ref _driftRestarts);
    }
}
