using FairnessGuard.Sketches;

namespace FairnessGuard;

/// <summary>
/// Everything the guard keeps for one group: intake stripes, the sketch of raw outputs (two rotating
/// epochs when a drift horizon is set) and the monitor's sketch of returned outputs.
/// </summary>
internal sealed class GroupState
{
    private static int s_threadOrdinalSource;

    [ThreadStatic]
    private static int t_threadOrdinal;

    private readonly IngestStripe?[] _stripes;
    private readonly object _sketchLock = new();
    private readonly ParityGuardOptions _options;
    private readonly ulong _seed;
    private QuantileSketch _raw;
    private QuantileSketch? _previousRaw;
    private QuantileSketch _returned;
    private QuantileSketch? _previousReturned;
    private int _epoch;

    public GroupState(string label, int slot, ParityGuardOptions options, int stripeCount)
    {
        Label = label;
        Slot = slot;
        _options = options;
        _seed = options.Seed ^ (0x632BE59BD9B4E019UL * (ulong)(slot + 1));
        _stripes = new IngestStripe?[stripeCount];
        _raw = new QuantileSketch(options.SketchK, _seed);
        _returned = new QuantileSketch(options.MonitorSketchK, ~_seed);
    }

    public string Label { get; }

    public int Slot { get; }

    /// <summary>Set once the guard has said that this group is warming up.</summary>
    public bool WarmUpAnnounced { get; set; }

    /// <summary>The stripe of the calling thread (threads are numbered round-robin on first use).</summary>
    public IngestStripe StripeForCurrentThread()
    {
        var ordinal = t_threadOrdinal;
        if (ordinal == 0)
        {
            ordinal = t_threadOrdinal = Interlocked.Increment(ref s_threadOrdinalSource);
        }

        var index = (ordinal - 1) % _stripes.Length;
        return _stripes[index] ?? CreateStripe(index);
    }

    /// <summary>Moves a stripe's buffered pairs into the sketches. The caller holds the stripe's lock.</summary>
    public void Drain(IngestStripe stripe)
    {
        if (stripe.Pending == 0)
        {
            return;
        }

        lock (_sketchLock)
        {
            for (var i = 0; i < stripe.Pending; i++)
            {
                _raw.Update(stripe.Ranked[i]);
                _returned.Update(stripe.Returned[i]);
                if (_options.HorizonSamples is { } horizon && _raw.Count >= horizon)
                {
                    Rotate();
                }
            }
        }

        stripe.Pending = 0;
    }

    /// <summary>Drains every stripe (snapshots, reports, tests).</summary>
    public void Flush()
    {
        foreach (var stripe in _stripes)
        {
            if (stripe is null)
            {
                continue;
            }

            lock (stripe)
            {
                Drain(stripe);
            }
        }
    }

    /// <summary>A consistent, immutable picture of the group's distributions for a rebuild or a report.</summary>
    public GroupCapture Capture(double confidence)
    {
        lock (_sketchLock)
        {
            var raw = Combined(_raw, _previousRaw);
            var returned = Combined(_returned, _previousReturned);
            var rawView = raw.GetSortedView();
            var returnedView = returned.GetSortedView();

            // The views live as long as the rebuild that asked for them, not as long as the group.
            _raw.ReleaseSortedView();
            _returned.ReleaseSortedView();

            // A KS is a supremum over every retained value: the per-query bound is taken for all of them at
            // once (union bound over the view's length).
            return new GroupCapture(
                this,
                rawView,
                raw.Min,
                raw.Max,
                raw.GetRankErrorBound(1 - ((1 - confidence) / Math.Max(1, rawView.Values.Length))),
                returnedView,
                returned.GetRankErrorBound(1 - ((1 - confidence) / Math.Max(1, returnedView.Values.Length))));
        }
    }

    /// <summary>Sums the stripes' counters.</summary>
    public GroupCounters Counters()
    {
        var c = default(GroupCounters);
        foreach (var s in _stripes)
        {
            if (s is not null)
            {
                c = new GroupCounters(
                    c.Predictions + Volatile.Read(ref s.Predictions),
                    c.Corrections + Volatile.Read(ref s.Corrections),
                    c.WarmUpPassThroughs + Volatile.Read(ref s.WarmUpPassThroughs),
                    c.MonitorPassThroughs + Volatile.Read(ref s.MonitorPassThroughs),
                    c.NonFinite + Volatile.Read(ref s.NonFinite));
            }
        }

        return c;
    }

    /// <summary>Bytes held by the group's sketches and stripes.</summary>
    public long EstimatedBytes()
    {
        lock (_sketchLock)
        {
            var bytes = _raw.EstimatedBytes + _returned.EstimatedBytes + (_previousRaw?.EstimatedBytes ?? 0) + (_previousReturned?.EstimatedBytes ?? 0);
            foreach (var s in _stripes)
            {
                bytes += s is null ? 0 : (2 * IngestStripe.BufferSize * sizeof(double)) + 96;
            }

            return bytes;
        }
    }

    internal (QuantileSketch Raw, QuantileSketch? PreviousRaw, QuantileSketch Returned, QuantileSketch? PreviousReturned) SketchesForSnapshot()
    {
        lock (_sketchLock)
        {
            return (_raw.Clone(), _previousRaw?.Clone(), _returned.Clone(), _previousReturned?.Clone());
        }
    }

    internal void RestoreSketches(QuantileSketch raw, QuantileSketch? previousRaw, QuantileSketch returned, QuantileSketch? previousReturned, GroupCounters counters)
    {
        lock (_sketchLock)
        {
            (_raw, _previousRaw, _returned, _previousReturned) = (raw, previousRaw, returned, previousReturned);
        }

        var stripe = StripeForCurrentThread();
        lock (stripe)
        {
            stripe.Predictions += counters.Predictions;
            stripe.Corrections += counters.Corrections;
            stripe.WarmUpPassThroughs += counters.WarmUpPassThroughs;
            stripe.MonitorPassThroughs += counters.MonitorPassThroughs;
            stripe.NonFinite += counters.NonFinite;
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

    // Drift: the previous epoch is forgotten, the current one becomes previous.
    private void Rotate()
    {
        _epoch++;
        _previousRaw = _raw;
        _previousReturned = _returned;
        _raw = new QuantileSketch(_options.SketchK, _seed + (ulong)_epoch);
        _returned = new QuantileSketch(_options.MonitorSketchK, ~_seed + (ulong)_epoch);
    }

    private IngestStripe CreateStripe(int index)
    {
        var stripe = new IngestStripe(_seed + (0xA0761D6478BD642FUL * (ulong)(index + 1)));
        return Interlocked.CompareExchange(ref _stripes[index], stripe, null) ?? stripe;
    }
}

/// <summary>A group's counters summed over its stripes.</summary>
internal readonly record struct GroupCounters(long Predictions, long Corrections, long WarmUpPassThroughs, long MonitorPassThroughs, long NonFinite);

/// <summary>An immutable picture of one group's raw and returned distributions.</summary>
internal sealed record GroupCapture(
    GroupState State,
    SortedView Raw,
    double RawMin,
    double RawMax,
    double RawRankError,
    SortedView Returned,
    double ReturnedRankError)
{
    public long Count => Raw.TotalWeight;
}
