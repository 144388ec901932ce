namespace FairnessGuard.Guard;

/// <summary>
/// One thread's share of a group's intake: counters and a small buffer of (ranked raw, returned) pairs,
/// guarded by its own spin gate. Threads are spread over stripes, so concurrent callers of one group rarely
/// meet at a gate, and an uncontended gate costs one interlocked compare-exchange (a monitor costs several);
/// the buffer is drained into the group's sketches once it is full.
/// </summary>
internal sealed class IngestStripe
{
    public const int BufferSize = 32;

    public readonly double[] Ranked = new double[BufferSize];
    public readonly double[] Returned = new double[BufferSize];
    public int Pending;

    /// <summary>Finite calls since the last drain, buffered or thinned out (the group's true count).</summary>
    public int SeenSinceDrain;

    // Counters, written under the stripe's lock, read without it (64-bit reads are atomic).
    public long Predictions;
    public long Corrections;
    public long WarmUpPassThroughs;
    public long MonitorPassThroughs;
    public long NoHarmPassThroughs;
    public long Changed;
    public long NonFinite;

    // SplitMix64 (Sketches.SplitMix64's stream): the state, and the mix of the state a step ahead, computed by the
    // previous call so that a call's bits are a load, not a chain of multiplies in front of everything it computes.
    private ulong _state;
    private ulong _next;
    private int _gate;

    public IngestStripe(ulong seed)
    {
        _state = seed;
        _next = Sketches.SplitMix64.Mix(seed + Sketches.SplitMix64.Golden);
    }

    /// <summary>Takes the stripe's gate; held for a few nanoseconds (a drain: a few microseconds).</summary>
    public void Enter()
    {
        if (Interlocked.CompareExchange(ref _gate, 1, 0) != 0)
        {
            EnterContended();
        }
    }

    /// <summary>Releases the gate (release semantics publish the writes made under it).</summary>
    public void Exit() => Volatile.Write(ref _gate, 0);

    private void EnterContended()
    {
        var spinner = default(SpinWait);
        while (Interlocked.CompareExchange(ref _gate, 1, 0) != 0)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>64 random bits from this stripe's SplitMix64 stream (caller holds the gate): the same stream as
    /// <c>new SplitMix64(seed).Next()</c> gives, one step computed ahead.</summary>
    public ulong NextBits()
    {
        var bits = _next;
        var state = _state + Sketches.SplitMix64.Golden;
        _state = state;
        _next = Sketches.SplitMix64.Mix(state + Sketches.SplitMix64.Golden);
        return bits;
    }

    /// <summary>
    /// <c>2u − 1</c> for <c>u = SplitMix64.ToUnitInterval(bits)</c>, bit for bit: with k the top 53 bits, u = k·2⁻⁵³ and
    /// 2u − 1 = (k − 2⁵²)·2⁻⁵², an integer of at most 52 bits times a power of two, so both forms are exact. This one is
    /// an integer subtraction and one conversion, where the other is two floating-point steps longer.
    /// </summary>
    public static double SignedUnit(ulong bits) => (long)((bits >> 11) - (1UL << 52)) * (1.0 / (1L << 52));

    /// <summary>Buffers one pair; true when the buffer is now full and must be drained.</summary>
    public bool Append(double ranked, double returned)
    {
        Ranked[Pending] = ranked;
        Returned[Pending] = returned;
        return ++Pending == BufferSize;
    }
}
