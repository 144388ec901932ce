using FairnessGuard.Guard;

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
}
