namespace FairnessGuard.Sketches;

/// <summary>
/// FNV-1a, 64 bits: the checksum closing a serialised sketch. Each step <c>h = (h ^ b) * prime</c> is a
/// bijection of <c>h</c> for a fixed byte (the prime is odd), so changing any single byte always changes the
/// final hash: every one-byte corruption is detected, and longer ones with probability 1 - 2^-64.
/// </summary>
internal static class Fnv1a64
{
    private const ulong OffsetBasis = 0xCBF29CE484222325;
    private const ulong Prime = 0x100000001B3;

    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = OffsetBasis;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }
}
