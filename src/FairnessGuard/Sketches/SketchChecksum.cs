using System.Buffers.Binary;
using System.Numerics;

namespace FairnessGuard.Sketches;

/// <summary>
/// The 64-bit checksum closing a serialised sketch: FNV-1a's offset basis and prime, applied to 64-bit
/// little-endian words with a rotation, <c>h = rotl((h ^ word) * prime, 31)</c>, then the tail bytes one at a
/// time. For a fixed input each step is a bijection of <c>h</c> (xor, multiplication by an odd number,
/// rotation), so changing any single word or byte always changes the result: every corruption confined to
/// one 8-byte word is detected. The rotation carries high bits back down (a multiplication only moves them
/// up), so flips of high bits in different words, such as two sign bits, do not simply cancel. Word steps
/// keep it near 1 ns per 8 bytes.
/// </summary>
internal static class SketchChecksum
{
    private const ulong OffsetBasis = 0xCBF29CE484222325;
    private const ulong Prime = 0x100000001B3;

    public static ulong Compute(ReadOnlySpan<byte> bytes)
    {
        var hash = OffsetBasis;
        var words = bytes.Length / 8;
        for (var i = 0; i < words; i++)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 * i)..])) * Prime, 31);
        }

        foreach (var b in bytes[(8 * words)..])
        {
            hash = BitOperations.RotateLeft((hash ^ b) * Prime, 31);
        }

        return hash;
    }
}
