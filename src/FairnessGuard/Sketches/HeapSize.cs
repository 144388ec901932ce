namespace FairnessGuard.Sketches;

/// <summary>
/// Heap sizes on a 64-bit CLR: an object has a 16-byte header (sync block + method table), an array adds its
/// length word (padded to 8), and every allocation is rounded up to 8 bytes.
/// </summary>
internal static class HeapSize
{
    public const int ObjectHeader = 16;
    public const int ArrayHeader = 24;

    public static long Array(long length, int elementSize) => Align(ArrayHeader + (length * elementSize));

    public static long Object(int fieldBytes) => Align(ObjectHeader + fieldBytes);

    private static long Align(long bytes) => (bytes + 7) & ~7L;
}
