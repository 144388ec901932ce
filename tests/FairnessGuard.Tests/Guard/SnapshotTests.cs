using FairnessGuard.Guard;
using FairnessGuard.State;

namespace FairnessGuard.Tests.Guard;

public class SnapshotTests
{
    private static ParityGuard<string> Trained(Action<ParityGuardOptions>? configure = null)
    {
        var guard = new ParityGuard<string>(GuardStreams.Deterministic(o =>
        {
            o.TieJitter = 0;
            configure?.Invoke(o);
        }));
        GuardStreams.Feed(guard, "a", 3000, 0, 1);
        GuardStreams.Feed(guard, "b", 2000, 2, 2);
        guard.Apply(double.NaN, "a");
        guard.Apply(0.5, null);
        return guard;
    }

    [Fact]
    public void RoundTripRestoresCountsSketchesAndTheMap()
    {
        using var original = Trained();
        var bytes = original.CreateSnapshot();
        using var restored = ParityGuard<string>.FromSnapshot(bytes, GuardStreams.Deterministic(o => o.TieJitter = 0));
        original.RebuildNow();

        var before = original.GetReport();
        var after = restored.GetReport();
        Assert.Equal(before.Groups.Select(g => (g.Group, g.Samples, g.Predictions, g.Corrections, g.NonFinite)), after.Groups.Select(g => (g.Group, g.Samples, g.Predictions, g.Corrections, g.NonFinite)));
        Assert.True(restored.IsCorrecting, "no new warm-up after a restore");
        foreach (var y in new[] { -1.3, 0.0, 0.7, 2.2, 4.1 })
        {
            Assert.Equal(original.Apply(y, "a"), restored.Apply(y, "a"));
            Assert.Equal(original.Apply(y, "b"), restored.Apply(y, "b"));
        }

        // A snapshot of the restored guard carries the same sketches (byte for byte, counters aside).
        Assert.Equal(bytes.Length, ParityGuard<string>.FromSnapshot(bytes, GuardStreams.Deterministic(o => o.TieJitter = 0)).CreateSnapshot().Length);
    }

    [Fact]
    public void EnumKeysAndOverflowGroupRoundTrip()
    {
        using var guard = new ParityGuard<DayOfWeek>(GuardStreams.Deterministic(o => o.MaxGroups = 3));
        for (var i = 0; i < 7000; i++)
        {
            guard.Apply(i % 13, (DayOfWeek)(i % 7));
        }

        using var restored = ParityGuard<DayOfWeek>.FromSnapshot(guard.CreateSnapshot(), GuardStreams.Deterministic(o => o.MaxGroups = 3));
        Assert.Equal(guard.GetReport().Groups.Select(g => (g.Group, g.Predictions)), restored.GetReport().Groups.Select(g => (g.Group, g.Predictions)));
        Assert.Contains(restored.GetReport().Groups, g => g.Group == "(overflow)");
    }

    [Fact]
    public void CorruptedSnapshotIsRejectedAndNothingIsLoaded()
    {
        using var guard = Trained();
        var bytes = guard.CreateSnapshot();
        var options = GuardStreams.Deterministic(o => o.TieJitter = 0);

        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length / 2] ^= 0x40;
        Assert.Contains("checksum", Assert.Throws<GuardSnapshotFormatException>(() => ParityGuard<string>.FromSnapshot(flipped, options)).Message, StringComparison.Ordinal);
        Assert.Throws<GuardSnapshotFormatException>(() => ParityGuard<string>.FromSnapshot(bytes.AsSpan(0, bytes.Length - 9), options));
        Assert.Throws<GuardSnapshotFormatException>(() => ParityGuard<string>.FromSnapshot([], options));
        var version = (byte[])bytes.Clone();
        version[4] = 99;
        Assert.Contains("version 99", Assert.Throws<GuardSnapshotFormatException>(() => ParityGuard<string>.FromSnapshot(version, options)).Message, StringComparison.Ordinal);

        // Random garbage and mutations: always the format exception, never another type.
        var random = new Random(31);
        for (var trial = 0; trial < 300; trial++)
        {
            var mutated = (byte[])bytes.Clone();
            for (var k = 0; k <= trial % 4; k++)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            if (!mutated.AsSpan().SequenceEqual(bytes))
            {
                Assert.Throws<GuardSnapshotFormatException>(() => ParityGuard<string>.FromSnapshot(mutated, options));
            }
        }
    }

    [Fact]
    public void SnapshotFromIncompatibleOptionsOrKeyTypeIsRefused()
    {
        using var guard = Trained();
        var bytes = guard.CreateSnapshot();
        var e = Assert.Throws<GuardSnapshotFormatException>(() => ParityGuard<string>.FromSnapshot(bytes, GuardStreams.Deterministic(o => o.SketchK = 500)));
        Assert.Contains("incompatible options", e.Message, StringComparison.Ordinal);
        Assert.Contains("key type", Assert.Throws<GuardSnapshotFormatException>(() => ParityGuard<int>.FromSnapshot(bytes, GuardStreams.Deterministic())).Message, StringComparison.Ordinal);

        // Options that do not shape the state may change: strength, mode, tolerance.
        using var monitor = ParityGuard<string>.FromSnapshot(bytes, GuardStreams.Deterministic(o => (o.TieJitter, o.Mode, o.Strength) = (0, PolicyMode.Monitor, 0.5)));
        Assert.Equal(0.25, monitor.Apply(0.25, "a"));
    }

    [Fact]
    public void KeyTypeWithoutCodecNeedsOne()
    {
        using var guard = new ParityGuard<(string, int)>();
        guard.Apply(1, ("a", 1));
        Assert.Contains("IGroupKeyCodec", Assert.Throws<NotSupportedException>(() => guard.CreateSnapshot()).Message, StringComparison.Ordinal);
    }
}
