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

    private Sketches.SplitMix64 _random;
    private int _gate;

    public IngestStripe(ulong seed) => _random = new Sketches.SplitMix64(seed);

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

    /// <summary>64 random bits from this stripe's SplitMix64 stream (caller holds the gate).</summary>
    public ulong NextBits() => _random.Next();

    /// <summary>Buffers one pair; true when the buffer is now full and must be drained.</summary>
    public bool Append(double ranked, double returned)
    {
        Ranked[Pending] = ranked;
        Returned[Pending] = returned;
        return ++Pending == BufferSize;
    }
}
