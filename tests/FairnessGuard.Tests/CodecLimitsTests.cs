using System.Buffers.Binary;
using FairnessGuard.Guard;
using FairnessGuard.Sketches;
using FairnessGuard.State;

namespace FairnessGuard.Tests;

/// <summary>Issue 12 item 4: a crafted sketch inside a snapshot is refused before anything is allocated for it.</summary>
public sealed class CodecLimitsTests
{
    [Theory]
    [InlineData(65_535, 61)]
    [InlineData(65_535, 40)]
    [InlineData(1000, 61)]
    public void ACraftedSketchInASnapshotIsRefused(int k, int levels)
    {
        var options = new ParityGuardOptions();
        var blob = CraftedSnapshot(options, k, levels);
        var error = Assert.Throws<GuardSnapshotFormatException>(() => ParityGuard<string>.FromSnapshot(blob, options));
        Assert.Contains(levels > SketchFieldRules.MaxLevels ? "levels exceed the limit" : "exceeds the configured k", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALegitimateSnapshotStillRestoresWithinTwiceTheSketchBudget()
    {
        var options = new ParityGuardOptions { BackgroundRebuild = false };
        using var guard = new ParityGuard<string>(options);
        var random = new Random(4);
        for (var i = 0; i < 300_000; i++)
        {
            guard.Apply(random.NextDouble(), i % 2 == 0 ? "A" : "B");
        }

        guard.Flush();
        using var restored = ParityGuard<string>.FromSnapshot(guard.CreateSnapshot(), options);
        Assert.Equal(guard.GetReport().Groups.Sum(g => g.Samples), restored.GetReport().Groups.Sum(g => g.Samples));

        // Budget: what a live sketch of the configured k holds after 2^53 samples (54 levels), per sketch.
        var budget = 2 * (SketchBytes(options.SketchK, SketchFieldRules.MaxLevels) + SketchBytes(options.MonitorSketchK, SketchFieldRules.MaxLevels));
        Assert.True(restored.GetReport().EstimatedBytes <= 2L * budget * restored.GroupCount + (restored.GroupCount * 64 * 1024), $"{restored.GetReport().EstimatedBytes} bytes");
    }

    [Fact]
    public void ASnapshotDeclaringMoreGroupsThanTheOptionsAllowIsRefused()
    {
        var options = new ParityGuardOptions { MaxGroups = 2 };
        using var guard = new ParityGuard<string>(new ParityGuardOptions { MaxGroups = 2 });
        guard.Apply(1, "A");
        guard.Flush();
        var blob = guard.CreateSnapshot();
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(21), 5);
        BinaryPrimitives.WriteUInt64LittleEndian(blob.AsSpan(blob.Length - 8), SketchChecksum.Compute(blob.AsSpan(0, blob.Length - 8)));
        var error = Assert.Throws<GuardSnapshotFormatException>(() => ParityGuard<string>.FromSnapshot(blob, options));
        Assert.Contains("declares 5 groups", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StringKeysWithLoneSurrogatesSurviveARestartDistinct()
    {
        // A lossy UTF-8 encoder turned both into "a\uFFFD": two groups became one after a restart.
        var options = new ParityGuardOptions();
        using var guard = new ParityGuard<string>(options);
        string[] keys = ["a\uD800", "a\uDC00", "a\uFFFD", "nul\0", "\uD83D\uDE00", string.Empty];
        for (var i = 0; i < keys.Length; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                guard.Apply(j, keys[i]);
            }
        }

        guard.Flush();
        using var restored = ParityGuard<string>.FromSnapshot(guard.CreateSnapshot(), options);
        Assert.Equal(
            guard.GetReport().Groups.ToDictionary(g => g.Group, g => g.Predictions),
            restored.GetReport().Groups.ToDictionary(g => g.Group, g => g.Predictions));
        Assert.Equal(keys.Length, restored.GroupCount);
    }

    private static long SketchBytes(int k, int levels) => 8L * (3 * k + (8 * levels)) + 1024;

    /// <summary>
    /// A snapshot of one group "A" whose raw sketch is the blob: k as given, that many levels, one item
    /// in the top level, count 2^(levels−1) (so the weights add up) and the group's samples claiming as many.
    /// </summary>
    internal static byte[] CraftedSnapshot(ParityGuardOptions options, int k, int levels)
    {
        using var guard = new ParityGuard<string>(options);
        guard.Apply(0.5, "A");
        guard.Flush();
        var snapshot = guard.CreateSnapshot();

        // Header: magic 4, version 1, shape 8, key type 8, group count 4 = 25; group: kind 1, key length 4 + key.
        var keyLength = BinaryPrimitives.ReadInt32LittleEndian(snapshot.AsSpan(26));
        var counters = 30 + keyLength;
        var epoch = counters + (5 * 8);
        var rawLengthAt = epoch + 16;
        var rawLength = BinaryPrimitives.ReadInt32LittleEndian(snapshot.AsSpan(rawLengthAt));
        var sketch = CraftedSketch(k, levels);
        var result = new byte[snapshot.Length - rawLength + sketch.Length];
        snapshot.AsSpan(0, rawLengthAt).CopyTo(result);
        BinaryPrimitives.WriteInt64LittleEndian(result.AsSpan(epoch), 1L << (levels - 1));
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(rawLengthAt), sketch.Length);
        sketch.CopyTo(result.AsSpan(rawLengthAt + 4));
        snapshot.AsSpan(rawLengthAt + 4 + rawLength).CopyTo(result.AsSpan(rawLengthAt + 4 + sketch.Length));
        BinaryPrimitives.WriteUInt64LittleEndian(result.AsSpan(result.Length - 8), SketchChecksum.Compute(result.AsSpan(0, result.Length - 8)));
        return result;
    }

    internal static byte[] CraftedSketch(int k, int levels)
    {
        var bytes = new byte[52 + (4 * levels) + 8 + 8];
        "FGQS"u8.CopyTo(bytes);
        bytes[4] = QuantileSketch.SerialVersion;
        bytes[5] = (byte)levels;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), (ushort)k);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)k);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(12), 1L << (levels - 1));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(20), 12345);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(28), 0.5);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(36), 0.5);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(44), Math.Pow(4, levels - 2));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(52 + (4 * (levels - 1))), 1);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(52 + (4 * levels)), 0.5);
        QuantileSketch.StampChecksum(bytes);
        return bytes;
    }
}
