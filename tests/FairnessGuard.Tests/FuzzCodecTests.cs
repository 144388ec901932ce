using System.Buffers.Binary;
using System.Diagnostics;
using FairnessGuard.Guard;
using FairnessGuard.Sketches;
using FairnessGuard.State;

namespace FairnessGuard.Tests;

/// <summary>
/// Seeded fuzzing of the sketch format and the guard snapshot codec (issue 12): random valid inputs, then
/// bit flips, byte overwrites, truncations, extensions and field edits (with the checksums restamped, so the
/// semantic checks are reached). Every blob is either refused with the format's own exception or yields an
/// object whose every query works and whose memory stays within the configured sketch size. Bounded in time.
/// </summary>
public sealed class FuzzCodecTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(6);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void MutatedSketchesAreRefusedOrFullyUsable(int seed)
    {
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        int refused = 0, accepted = 0;
        while (clock.Elapsed < Budget / 2 && refused + accepted < 20_000)
        {
            var k = random.Next(2) == 0 ? 8 : 64;
            var sketch = new QuantileSketch(k, (ulong)random.Next());
            var n = random.Next(0, 2000);
            for (var i = 0; i < n; i++)
            {
                sketch.Update(random.NextDouble() * 100);
            }

            var bytes = Mutate(sketch.Serialize(), random, restamp: QuantileSketch.StampChecksum);
            if (!QuantileSketch.TryDeserialize(bytes, 64, out var restored, out var error))
            {
                Assert.False(string.IsNullOrEmpty(error));
                if (!QuantileSketch.TryDeserialize(bytes, out _, out _))
                {
                    Assert.Throws<SketchFormatException>(() => QuantileSketch.Deserialize(bytes));
                }

                refused++;
                continue;
            }

            accepted++;
            Assert.InRange(restored.K, QuantileSketch.MinK, 64);
            Assert.True(restored.EstimatedBytes < 2 * 8 * ((3 * 64) + (8 * SketchFieldRules.MaxLevels)) + 4096);
            var view = restored.GetSortedView();
            Assert.Equal(restored.Count, view.TotalWeight);
            if (!restored.IsEmpty)
            {
                var q = restored.GetQuantile(random.NextDouble());
                Assert.InRange(q, restored.Min, restored.Max);
                Assert.InRange(restored.GetRank(q), 0, 1);
            }

            // A restored sketch keeps working: updates and a merge never throw.
            restored.Update(random.NextDouble());
            restored.Merge(sketch);
            Assert.True(QuantileSketch.TryDeserialize(restored.Serialize(), out _, out _));
        }

        Assert.True(refused > 0 && accepted > 0, $"{refused} refused, {accepted} accepted");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void MutatedSnapshotsAreRefusedOrRestoreAWorkingGuard(int seed)
    {
        var random = new Random(seed);
        var options = new ParityGuardOptions { SketchK = 32, MonitorSketchK = 16, MaxGroups = 8, WarmUp = 20, BackgroundRebuild = false };
        var clock = Stopwatch.StartNew();
        int refused = 0, accepted = 0;
        while (clock.Elapsed < Budget / 2 && refused + accepted < 5_000)
        {
            using var guard = new ParityGuard<string>(options);
            var groups = random.Next(1, 5);
            var n = random.Next(0, 3000);
            for (var i = 0; i < n; i++)
            {
                var g = random.Next(groups);
                guard.Apply(random.NextDouble() + (0.3 * g), $"g{g}");
            }

            guard.Flush();
            var bytes = Mutate(guard.CreateSnapshot(), random, restamp: b => BinaryPrimitives.WriteUInt64LittleEndian(b[^8..], SketchChecksum.Compute(b[..^8])));
            ParityGuard<string> restored;
            try
            {
                restored = ParityGuard<string>.FromSnapshot(bytes, options);
            }
            catch (GuardSnapshotFormatException)
            {
                refused++;
                continue;
            }

            accepted++;
            using (restored)
            {
                Assert.True(restored.GroupCount <= options.MaxGroups + 2);
                for (var i = 0; i < 50; i++)
                {
                    Assert.True(double.IsFinite(restored.Apply(random.NextDouble(), $"g{random.Next(groups + 1)}")));
                }

                restored.RebuildNow();
                var report = restored.GetReport();
                Assert.InRange(report.ReturnedKs, 0, 1);
                Assert.True(report.EstimatedBytes < (restored.GroupCount + 1) * 1_000_000L);
                ParityGuard<string>.FromSnapshot(restored.CreateSnapshot(), options).Dispose();
            }
        }

        Assert.True(refused > 0 && accepted > 0, $"{refused} refused, {accepted} accepted");
    }

    private delegate void Restamp(Span<byte> bytes);

    private static byte[] Mutate(byte[] valid, Random random, Restamp restamp)
    {
        var bytes = (byte[])valid.Clone();
        var kind = random.Next(8);
        switch (kind)
        {
            case 0:
                return bytes;
            case 1:
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return bytes;
            case 2:
                return bytes[..random.Next(bytes.Length)];
            case 3:
                return [.. bytes, .. new byte[random.Next(1, 16)]];
            default:
                // Field edits inside the checksummed region, restamped so the semantic checks are reached.
                var edits = random.Next(1, 4);
                for (var e = 0; e < edits; e++)
                {
                    var at = random.Next(Math.Max(1, bytes.Length - 8));
                    bytes[at] = random.Next(4) switch
                    {
                        0 => 0,
                        1 => 0xFF,
                        2 => (byte)random.Next(256),
                        _ => (byte)(bytes[at] + 1),
                    };
                }

                if (bytes.Length >= 16)
                {
                    restamp(bytes);
                }

                return bytes;
        }
    }
}
