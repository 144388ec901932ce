using FairnessGuard.Guard;

namespace FairnessGuard.Tests.Guard;

/// <summary>Issue 12.1 and 12.5: one extreme value or one broken key never breaks the guard.</summary>
public class GuardHostileInputTests
{
    [Fact]
    public void MaxValueOutputsNeverBreakTheirGroup()
    {
        using var guard = new ParityGuard<string>(GuardStreams.Deterministic());
        GuardStreams.Feed(guard, "a", 300, 0, 1);
        GuardStreams.Feed(guard, "b", 300, 1, 2);
        Assert.True(double.IsFinite(guard.Apply(double.MaxValue, "a")));
        guard.Apply(-double.MaxValue, "a");
        guard.Apply(double.MaxValue, "b");
        var returned = new List<double>();
        GuardStreams.Feed(guard, "a", 500, 0, 3, returned);
        GuardStreams.Feed(guard, "b", 500, 1, 4, returned);

        Assert.Equal(0, guard.FaultCount);
        Assert.All(returned, y => Assert.True(double.IsFinite(y)));
        var report = guard.GetReport();
        Assert.Equal(0, guard.FaultCount);
        Assert.Equal(2, report.Groups.Count);
        var snapshot = guard.CreateSnapshot();
        using var restored = ParityGuard<string>.FromSnapshot(snapshot, GuardStreams.Deterministic());
        Assert.True(double.IsFinite(restored.Apply(0.5, "a")));
        Assert.NotEmpty(guard.TakeDeltas(1));
        Assert.Equal(0, guard.FaultCount);
    }

    [Fact]
    public void AKeyWhoseHashThrowsCreatesNoGroupAndReturnsTheRawOutput()
    {
        using var guard = new ParityGuard<HostileKey>(GuardStreams.Deterministic());
        for (var i = 0; i < 20_000; i++)
        {
            Assert.Equal(i * 0.5, guard.Apply(i * 0.5, new HostileKey(Throw: true)));
        }

        Assert.Equal(0, guard.GroupCount);
        Assert.Equal(20_000, guard.FaultCount);

        // With groups present, the same: counted, no orphan.
        guard.Apply(1, new HostileKey(Throw: false));
        for (var i = 0; i < 1_000; i++)
        {
            guard.Apply(i, new HostileKey(Throw: true));
        }

        Assert.Equal(1, guard.GroupCount);
        Assert.Equal(21_000, guard.FaultCount);
        Assert.Equal(21_000, guard.GetReport().Counts.Faults);
    }

    internal sealed record HostileKey(bool Throw)
    {
        public override int GetHashCode() => Throw ? throw new InvalidOperationException("hostile key") : 1;

        public bool Equals(HostileKey? other) => Throw ? throw new InvalidOperationException("hostile key") : other is { Throw: false };

        public override string ToString() => "hostile";
    }
}
