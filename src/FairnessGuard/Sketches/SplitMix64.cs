namespace FairnessGuard.Sketches;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014): a tiny, full-period generator whose whole state is one
/// <see cref="ulong"/>, so the sketch stays deterministic for a seed, a deserialised sketch continues with
/// exactly the coin flips the original would have drawn, and every state value is valid.
/// </summary>
internal struct SplitMix64
{
    public SplitMix64(ulong state) => State = state;

    /// <summary>The complete generator state.</summary>
    public ulong State { get; private set; }

    /// <summary>
    /// One fair coin flip. A compaction needs a single bit and happens about once per k/2 updates, so one
    /// generator step per flip costs nothing and leaves no buffered bits outside <see cref="State"/>.
    /// </summary>
    public int NextBit() => (int)(Next() >> 63);

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        State += Golden;
        return Mix(State);
    }

    /// <summary>The golden-ratio increment of the state.</summary>
    public const ulong Golden = 0x9E3779B97F4A7C15;

    /// <summary>A uniform value in [0, 1) from the top 53 of <paramref name="bits"/> (the low bits stay free).</summary>
    public static double ToUnitInterval(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// SplitMix64's finaliser: a bijective avalanche of one word. Applied to a counter it is a counter-based
    /// generator (the guard's tie-breaking draw for row i is <c>Mix(seed + Golden·(i + 1))</c>).
    /// </summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
