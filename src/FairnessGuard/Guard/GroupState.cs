using FairnessGuard.Sketches;

namespace FairnessGuard.Guard;

/// <summary>
/// Everything the guard keeps for one group: intake stripes, the sketch of raw outputs (two rotating
/// epochs when a drift horizon is set) and the monitor's sketch of returned outputs.
/// </summary>
/// <remarks>
/// Past a floor, the sketches take a Bernoulli subsample of the stream (raw 1 in 16 after 65,536 samples in
/// an epoch, returned 1 in 32 after 8,192): an independent subsample of the stream has the same distribution,
/// and its sampling error (DKW, ε ≈ 0.006 at the floor, shrinking as the subsample grows) is of the order of
/// the sketch's own rank error. The raw thinning happens at the call, before buffering, so past the floor a
/// caller touches the group's shared sketches 16× less often: they are what different cores would otherwise
/// fight over. The true sample counts are kept apart: they give the barycenter weights, warm-up and the
/// horizon; the bounds use the sketches' own counts.
/// </remarks>
internal sealed partial class GroupState
{
    /// <summary>Raw samples per epoch fed to the sketch at full rate before subsampling starts.</summary>
    internal const long RawFullRateSamples = 65_536;

    /// <summary>Returned samples fed at full rate before subsampling starts.</summary>
    internal const long ReturnedFullRateSamples = 8_192;

    /// <summary>Past the raw floor, a call's pair is buffered with probability 1/(mask + 1) = 1/16.</summary>
    internal const int RawRateMask = 15;

    /// <summary>Past its floor, the returned sketch keeps 1 in 32 of the stream.</summary>
    internal const int ReturnedRateMask = 31;

    private static int s_threadOrdinalSource;

    [ThreadStatic]
    private static int t_threadOrdinal;

    private readonly IngestStripe?[] _stripes;
    private long _stripesCreated;
    private readonly object _sketchLock = new();
    private readonly ParityGuardOptions _options;
    private readonly ulong _seed;
    private QuantileSketch _raw;
    private QuantileSketch? _previousRaw;
    private QuantileSketch _returned;
    private QuantileSketch? _previousReturned;
    private int _epoch;
    private long _epochSamples;
    private volatile int _sampleMask;
    private long _previousEpochSamples;
    private long _returnedFed;
    private SplitMix64 _sampling;

    public GroupState(string label, int slot, ParityGuardOptions options, int stripeCount)
    {
        Label = label;
        Slot = slot;
        _options = options;
        _seed = options.Seed ^ (0x632BE59BD9B4E019UL * (ulong)(slot + 1));
        _stripes = new IngestStripe?[stripeCount];
        _raw = new QuantileSketch(options.SketchK, _seed);
        _returned = new QuantileSketch(options.MonitorSketchK, ~_seed);
        _sampling = new SplitMix64(_seed ^ 0x2545F4914F6CDD1DUL);
    }

    public string Label { get; }

    /// <summary>
    /// The intake's sampling mask: 0 keeps every pair; past the raw floor a call's pair is buffered only when
    /// its random bits under the mask are zero. Written under the sketch lock, read by callers without one.
    /// </summary>
    public int SampleMask
    {
        get => _sampleMask;
        private set => _sampleMask = value;
    }

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

        // The stripe count is a power of two (see ParityGuard), so a mask picks the stripe.
        var index = (ordinal - 1) & (_stripes.Length - 1);
        return _stripes[index] ?? CreateStripe(index);
    }

    /// <summary>
    /// Moves a stripe's buffered pairs into the sketches. The caller holds the stripe's gate. The stripe is left
    /// empty whatever happens, so one bad pair can never fault later calls.
    /// </summary>
    /// <returns>The group's true sample count afterwards (−1 when there was nothing to drain) and whether drift restarted it.</returns>
    public DrainResult Drain(IngestStripe stripe)
    {
        if (stripe.Pending == 0 && stripe.SeenSinceDrain == 0)
        {
            return new DrainResult(-1, DrainOutcome.None);
        }

        try
        {
            lock (_sketchLock)
            {
                // Every buffered pair was kept at the rate in force (SampleMask): the raw sketch takes them all,
                // the returned sketch thins them to 1 in 32 of the stream past its own floor.
                _epochSamples += stripe.SeenSinceDrain;
                var returnedMask = SampleMask == 0 ? ReturnedRateMask : 1;
                var drifted = DrainOutcome.None;
                for (var i = 0; i < stripe.Pending; i++)
                {
                    var ranked = stripe.Ranked[i];
                    if (!double.IsFinite(ranked))
                    {
                        continue;
                    }

                    _raw.Update(ranked);
                    var returned = stripe.Returned[i];
                    if (double.IsFinite(returned) && (_returnedFed < ReturnedFullRateSamples || (_sampling.Next() & (ulong)returnedMask) == 0))
                    {
                        _returnedFed++;
                        _returned.Update(returned);
                    }

                    var observed = ObserveForDriftAndAct(ranked);
                    drifted = observed > drifted ? observed : drifted;
                }

                if (_options.HorizonSamples is { } horizon && _epochSamples >= horizon)
                {
                    Rotate();
                }

                SampleMask = _epochSamples > RawFullRateSamples ? RawRateMask : 0;
                var samples = SamplesLocked();
                Eager = samples < EagerSamples;
                return new DrainResult(samples, drifted);
            }
        }
        finally
        {
            stripe.Pending = 0;
            stripe.SeenSinceDrain = 0;
        }
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

            stripe.Enter();
            try
            {
                Drain(stripe);
            }
            finally
            {
                stripe.Exit();
            }
        }
    }

    /// <summary>The true number of finite samples in the group's current distribution.</summary>
    public long Samples
    {
        get
        {
            lock (_sketchLock)
            {
                return SamplesLocked();
            }
        }
    }

    /// <summary>Feeds calibration outputs straight into the raw sketch (not the returned one: nobody got them).</summary>
    public long Prime(ReadOnlySpan<double> outputs)
    {
        lock (_sketchLock)
        {
            foreach (var y in outputs)
            {
                if (double.IsFinite(y))
                {
                    _raw.Update(y);
                    _epochSamples++;
                }
            }

            SampleMask = _epochSamples > RawFullRateSamples ? RawRateMask : 0;
            var samples = SamplesLocked();
            Eager = samples < EagerSamples;
            return samples;
        }
    }

    /// <summary>Restarts the monitor's sketch of returned outputs (correction just started: judge only what the map produced).</summary>
    public void ResetReturned()
    {
        lock (_sketchLock)
        {
            _returned = new QuantileSketch(_options.MonitorSketchK, ~_seed + (ulong)(++_epoch));
            _previousReturned = null;
            _returnedFed = 0;
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
                    c.NonFinite + Volatile.Read(ref s.NonFinite),
                    c.Changed + Volatile.Read(ref s.Changed),
                    c.NoHarmPassThroughs + Volatile.Read(ref s.NoHarmPassThroughs));
            }
        }

        return c;
    }

    /// <summary>Bytes held by the group's sketches, stripes and drift window (the drift reference is the map's own grid, not a copy).</summary>
    public long EstimatedBytes()
    {
        lock (_sketchLock)
        {
            var bytes = _raw.EstimatedBytes + _returned.EstimatedBytes + (_previousRaw?.EstimatedBytes ?? 0) + (_previousReturned?.EstimatedBytes ?? 0);
            bytes += Volatile.Read(ref _window) is { } window ? (window.Length * sizeof(double)) + 24 : 0;
            foreach (var s in _stripes)
            {
                bytes += s is null ? 0 : (2 * IngestStripe.BufferSize * sizeof(double)) + 96;
            }

            return bytes;
        }
    }

    // Drift: the previous epoch is forgotten, the current one becomes previous. Called inside a drain, on a calling
    // thread: the forgotten epoch's sketches (owned by this group alone) are emptied and reused, not reallocated.
    private void Rotate()
    {
        _epoch++;
        _previousEpochSamples = _epochSamples;
        _epochSamples = 0;
        _takenSamples = 0;
        _returnedFed = 0;
        SampleMask = 0;
        var (spareRaw, spareReturned) = (_previousRaw, _previousReturned);
        _previousRaw = _raw;
        _previousReturned = _returned;
        _raw = Recycled(spareRaw, _options.SketchK, _seed + (ulong)_epoch);
        _returned = Recycled(spareReturned, _options.MonitorSketchK, ~_seed + (ulong)_epoch);
    }

    // An empty sketch with this K and seed: the spare emptied in place when there is one of that K, else a new one.
    private static QuantileSketch Recycled(QuantileSketch? spare, int k, ulong seed)
    {
        if (spare is null || spare.K != k)
        {
            return new QuantileSketch(k, seed);
        }

        spare.Reset(seed);
        return spare;
    }

    // Seeded by creation order within the group, not by the slot's index (which follows a process-wide thread
    // ordinal): a single-threaded replay always draws from the group's first stripe, so the same seed and input
    // give the same outputs whichever thread runs it and whatever ran before.
    private IngestStripe CreateStripe(int index)
    {
        var order = (ulong)Interlocked.Increment(ref _stripesCreated);
        var stripe = new IngestStripe(_seed + (0xA0761D6478BD642FUL * order));
        return Interlocked.CompareExchange(ref _stripes[index], stripe, null) ?? stripe;
    }
}
