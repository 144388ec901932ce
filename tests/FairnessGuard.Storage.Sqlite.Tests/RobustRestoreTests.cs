using System.Buffers.Binary;
using System.Numerics;
using FairnessGuard.Guard;
using FairnessGuard.TestKit;
using Microsoft.Extensions.Logging.Testing;

namespace FairnessGuard.Storage.Sqlite.Tests;

/// <summary>Issue 12 items 4 and 6 through the SQLite store.</summary>
public sealed class RobustRestoreTests
{
    [Fact]
    public async Task OptionsAThenBThenARestoresTheRowOfA()
    {
        using var db = new TempDatabase();
        var store = new SqliteGuardStateStore(db.Database);
        using (var a = new ParityGuard<string>(TempDatabase.Options()))
        {
            TempDatabase.Feed(a, 5_000, 11);
            Assert.True(await new GuardPersistence<string>(store, TempDatabase.Options()).SaveAsync(a));
        }

        // Options B: A's row is incompatible and kept; B saves its own, newer row.
        await Task.Delay(5);
        var b = await new GuardPersistence<string>(store, TempDatabase.Options(sketchK: 500)).RestoreAsync();
        using (b)
        {
            Assert.Equal(0, b.GroupCount);
            TempDatabase.Feed(b, 1_000, 12);
            Assert.True(await new GuardPersistence<string>(store, TempDatabase.Options(sketchK: 500)).SaveAsync(b));
        }

        // Back to A: the newest row is B's, but A's row is the newest compatible one and is restored.
        var log = new FakeLogCollector();
        using var again = await new GuardPersistence<string>(store, TempDatabase.Options(log: log.Factory())).RestoreAsync();
        Assert.Equal(5_000, again.GetReport().Groups.Sum(g => g.Samples));
        Assert.Equal(1, log.Count(1100));
        Assert.Equal(0, log.Count(1101));
    }

    [Fact]
    public async Task ACraftedSketchInAStoredSnapshotIsQuarantined()
    {
        using var db = new TempDatabase();
        var store = new SqliteGuardStateStore(db.Database);
        var options = TempDatabase.Options();
        using (var guard = new ParityGuard<string>(options))
        {
            guard.Apply(0.5, "A");
            guard.Flush();
            Assert.True(await new GuardPersistence<string>(store, options).SaveAsync(guard));
        }

        var original = (byte[])(await db.ScalarAsync("SELECT bytes FROM fg_snapshot;"))!;
        await db.SetSnapshotBytesAsync("loan", Craft(original, k: 65_535, levels: 61));

        var log = new FakeLogCollector();
        var before = GC.GetAllocatedBytesForCurrentThread();
        using var fresh = await new GuardPersistence<string>(store, TempDatabase.Options(log: log.Factory())).RestoreAsync();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, fresh.GroupCount);
        Assert.Contains("levels exceed the limit", Assert.Single(log.OfId(1102)).Message, StringComparison.Ordinal);
        Assert.Single(await store.GetQuarantinedAsync("loan"));

        // The blob made a 66 KB row allocate 702 MB; refused before allocating, it costs the read only.
        Assert.True(allocated < 8 * 1024 * 1024, $"{allocated} bytes allocated");
    }

    /// <summary>Replaces group 0's raw sketch by the blob (one item on top of the given levels, count 2^(levels−1)).</summary>
    private static byte[] Craft(byte[] snapshot, int k, int levels)
    {
        var sketch = new byte[52 + (4 * levels) + 16];
        "FGQS"u8.CopyTo(sketch);
        sketch[4] = 1;
        sketch[5] = (byte)levels;
        BinaryPrimitives.WriteUInt16LittleEndian(sketch.AsSpan(6), (ushort)k);
        BinaryPrimitives.WriteUInt16LittleEndian(sketch.AsSpan(8), (ushort)k);
        BinaryPrimitives.WriteInt64LittleEndian(sketch.AsSpan(12), 1L << (levels - 1));
        BinaryPrimitives.WriteDoubleLittleEndian(sketch.AsSpan(28), 0.5);
        BinaryPrimitives.WriteDoubleLittleEndian(sketch.AsSpan(36), 0.5);
        BinaryPrimitives.WriteDoubleLittleEndian(sketch.AsSpan(44), Math.Pow(4, levels - 2));
        BinaryPrimitives.WriteUInt32LittleEndian(sketch.AsSpan(52 + (4 * (levels - 1))), 1);
        BinaryPrimitives.WriteDoubleLittleEndian(sketch.AsSpan(52 + (4 * levels)), 0.5);
        BinaryPrimitives.WriteUInt64LittleEndian(sketch.AsSpan(sketch.Length - 8), Checksum(sketch.AsSpan(0, sketch.Length - 8)));

        var keyLength = BinaryPrimitives.ReadInt32LittleEndian(snapshot.AsSpan(26));
        var epoch = 30 + keyLength + 40;
        var at = epoch + 16;
        var rawLength = BinaryPrimitives.ReadInt32LittleEndian(snapshot.AsSpan(at));
        var result = new byte[snapshot.Length - rawLength + sketch.Length];
        snapshot.AsSpan(0, at).CopyTo(result);
        BinaryPrimitives.WriteInt64LittleEndian(result.AsSpan(epoch), 1L << (levels - 1));
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(at), sketch.Length);
        sketch.CopyTo(result.AsSpan(at + 4));
        snapshot.AsSpan(at + 4 + rawLength).CopyTo(result.AsSpan(at + 4 + sketch.Length));
        BinaryPrimitives.WriteUInt64LittleEndian(result.AsSpan(result.Length - 8), Checksum(result.AsSpan(0, result.Length - 8)));
        return result;
    }

    // The format's checksum (docs/sketch.md): FNV-1a constants over 64-bit words with a rotation, then the tail bytes.
    private static ulong Checksum(ReadOnlySpan<byte> bytes)
    {
        var hash = 0xCBF29CE484222325UL;
        var words = bytes.Length / 8;
        for (var i = 0; i < words; i++)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 * i)..])) * 0x100000001B3UL, 31);
        }

        foreach (var b in bytes[(8 * words)..])
        {
            hash = BitOperations.RotateLeft((hash ^ b) * 0x100000001B3UL, 31);
        }

        return hash;
    }
}
