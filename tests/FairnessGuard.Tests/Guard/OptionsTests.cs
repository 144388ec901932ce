using FairnessGuard.Guard;
using FairnessGuard.Monitoring;

namespace FairnessGuard.Tests.Guard;

public class OptionsTests
{
    public static TheoryData<string, Action<ParityGuardOptions>> InvalidOptions() => new()
    {
        { nameof(ParityGuardOptions.Strength), o => o.Strength = 1.5 },
        { nameof(ParityGuardOptions.Tolerance), o => o.Tolerance = 0 },
        { nameof(ParityGuardOptions.Confidence), o => o.Confidence = 1 },
        { nameof(ParityGuardOptions.WarmUp), o => o.WarmUp = 0 },
        { nameof(ParityGuardOptions.SketchK), o => o.SketchK = 4 },
        { nameof(ParityGuardOptions.MonitorSketchK), o => o.MonitorSketchK = 100_000 },
        { nameof(ParityGuardOptions.Knots), o => o.Knots = 1 },
        { nameof(ParityGuardOptions.RebuildEvery), o => o.RebuildEvery = 0 },
        { nameof(ParityGuardOptions.RebuildInterval), o => o.RebuildInterval = TimeSpan.Zero },
        { nameof(ParityGuardOptions.HorizonSamples), o => o.HorizonSamples = 10 },
        { nameof(ParityGuardOptions.MaxGroups), o => o.MaxGroups = 1 },
        { nameof(ParityGuardOptions.OverflowGroupLabel), o => o.OverflowGroupLabel = "" },
        { nameof(ParityGuardOptions.UnknownGroupLabel), o => o.UnknownGroupLabel = o.OverflowGroupLabel },
        { nameof(ParityGuardOptions.TieJitter), o => o.TieJitter = -1 },
        { nameof(ParityGuardOptions.Thresholds), o => o.Thresholds = [double.NaN] },
        { nameof(ParityGuardOptions.PolicyName), o => o.PolicyName = " " },
        { nameof(ParityGuardOptions.ViolationInterval), o => o.ViolationInterval = TimeSpan.FromSeconds(-1) },
        { nameof(ParityGuardOptions.RebuildGrowth), o => o.RebuildGrowth = -0.1 },
        { nameof(ParityGuardOptions.NoHarmThreshold), o => o.NoHarmThreshold = 1 },
        { nameof(ParityGuardOptions.ShrinkageConfidence), o => o.ShrinkageConfidence = 0 },
        { nameof(ParityGuardOptions.DriftWindow), o => o.DriftWindow = 16 },
        { nameof(ParityGuardOptions.DriftConfidence), o => o.DriftConfidence = 0.5 },
        { nameof(ParityGuardOptions.DriftConfirmConfidence), o => o.DriftConfirmConfidence = 1 },
        { nameof(ParityGuardOptions.CalibrationFile), o => o.CalibrationFile = "" },
        { nameof(ParityGuardOptions.Thresholds), o => o.Thresholds = null! },
        { nameof(ParityGuardOptions.TimeProvider), o => o.TimeProvider = null! },
        { nameof(ParityGuardOptions.Sinks), o => o.Sinks.Add(null!) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOptionFailsConstructionNamingTheOption(string option, Action<ParityGuardOptions> breakIt)
    {
        var options = new ParityGuardOptions();
        breakIt(options);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ParityGuard<string>(options));
        Assert.Equal(option, e.ParamName);
        Assert.Contains($"ParityGuardOptions.{option}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultsAreValidAndMatchTheAttribute()
    {
        var options = new ParityGuardOptions();
        using var guard = new ParityGuard<string>(options);
        Assert.Equal(DemographicParityAttribute.DefaultTolerance, options.Tolerance);
        Assert.Equal(DemographicParityAttribute.DefaultWarmUp, options.WarmUp);
        Assert.Equal(1024, options.MaxGroups);
    }

    public static TheoryData<string, Action<ParityGuardOptions>> EveryChange() => new()
    {
        { nameof(ParityGuardOptions.WarmUp), o => o.WarmUp = 5 },
        { nameof(ParityGuardOptions.ViolationInterval), o => o.ViolationInterval = TimeSpan.Zero },
        { nameof(ParityGuardOptions.Strength), o => o.Strength = 0.5 },
        { nameof(ParityGuardOptions.Mode), o => o.Mode = PolicyMode.Monitor },
        { nameof(ParityGuardOptions.Thresholds), o => o.Thresholds = [0.5] },
        { nameof(ParityGuardOptions.MeterFactory), o => o.MeterFactory = null },
        { nameof(ParityGuardOptions.Sinks), o => o.Sinks.Add(new InMemoryViolationSink()) },
        { nameof(ParityGuardOptions.Sinks), o => o.Sinks.Clear() },
    };

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void ABuiltGuardsOptionsRefuseChangesNamingTheOption(string option, Action<ParityGuardOptions> change)
    {
        var options = new ParityGuardOptions();
        options.Sinks.Add(new InMemoryViolationSink());
        using var guard = new ParityGuard<string>(options);
        Assert.True(guard.Options.IsFrozen);
        var e = Assert.Throws<InvalidOperationException>(() => change(guard.Options));
        Assert.StartsWith($"ParityGuardOptions.{option} cannot change after the guard is built", e.Message, StringComparison.Ordinal);

        // The caller's instance is not frozen and still changes.
        Assert.False(options.IsFrozen);
        change(options);
    }

    [Fact]
    public void TheGuardReadsItsCopyNotTheCallersInstance()
    {
        var sink = new InMemoryViolationSink();
        var thresholds = new List<double> { 0.5 };
        var options = GuardStreams.Deterministic(o => (o.Mode, o.ViolationInterval, o.Thresholds) = (PolicyMode.Monitor, TimeSpan.Zero, thresholds));
        using var guard = new ParityGuard<string>(options);

        // Changes after the build: the guard must not see them (a violation would reach the sink, a warm-up
        // of 1 would change the counts, a threshold list changed in place would show in the report).
        options.Sinks.Add(sink);
        options.WarmUp = 1;
        options.ViolationInterval = TimeSpan.FromDays(1);
        thresholds.Add(0.9);
        GuardStreams.Feed(guard, "a", 1000, 0, 1);
        GuardStreams.Feed(guard, "b", 1000, 2, 2);
        guard.RebuildNow();
        Assert.Empty(sink.Violations);
        Assert.Equal(100, guard.Options.WarmUp);
        Assert.Equal([0.5], guard.Options.Thresholds);
        Assert.Equal([0.5], guard.GetReport().Thresholds);
        Assert.Empty(guard.Options.Sinks);
    }

    [Fact]
    public void OneOptionsObjectBuildsSeveralGuardsAndCloneDerivesChangeableOptions()
    {
        var sink = new InMemoryViolationSink();
        var options = new ParityGuardOptions { PolicyName = "first" };
        options.Sinks.Add(sink);
        using var first = new ParityGuard<string>(options);
        options.PolicyName = "second";
        using var second = new ParityGuard<string>(options);
        Assert.Equal(("first", "second"), (first.Options.PolicyName, second.Options.PolicyName));
        Assert.NotSame(first.Options, second.Options);

        var derived = first.Options.Clone();
        Assert.False(derived.IsFrozen);
        derived.WarmUp = 7;
        derived.Sinks.Add(new InMemoryViolationSink());
        Assert.Equal(("first", 7, 2), (derived.PolicyName, derived.WarmUp, derived.Sinks.Count));
        Assert.Same(sink, Assert.Single(first.Options.Sinks));
    }
}
