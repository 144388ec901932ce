namespace FairnessGuard.Guard;

/// <content>The rules every option must meet, checked once when a guard is built.</content>
public sealed partial class ParityGuardOptions
{
    internal void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(PolicyName), nameof(PolicyName), PolicyName, "must not be empty");
        Require(Strength is >= 0 and <= 1, nameof(Strength), Strength, "must be in [0, 1]");
        Require(Tolerance is > 0 and < 1, nameof(Tolerance), Tolerance, "must be in (0, 1)");
        Require(Confidence is > 0 and < 1, nameof(Confidence), Confidence, "must be in (0, 1)");
        Require(WarmUp >= 1, nameof(WarmUp), WarmUp, "must be at least 1");
        Require(SketchK is >= Sketches.QuantileSketch.MinK and <= Sketches.QuantileSketch.MaxK, nameof(SketchK), SketchK, $"must be in [{Sketches.QuantileSketch.MinK}, {Sketches.QuantileSketch.MaxK}]");
        Require(MonitorSketchK is >= Sketches.QuantileSketch.MinK and <= Sketches.QuantileSketch.MaxK, nameof(MonitorSketchK), MonitorSketchK, $"must be in [{Sketches.QuantileSketch.MinK}, {Sketches.QuantileSketch.MaxK}]");
        Require(Knots is >= 2 and <= 1 << 16, nameof(Knots), Knots, "must be in [2, 65536]");
        Require(RebuildEvery >= 1, nameof(RebuildEvery), RebuildEvery, "must be at least 1");
        Require(RebuildGrowth is >= 0 and <= 100, nameof(RebuildGrowth), RebuildGrowth, "must be in [0, 100]");
        Require(NoHarmThreshold is >= 0 and < 1, nameof(NoHarmThreshold), NoHarmThreshold, "must be in [0, 1)");
        Require(ShrinkageConfidence is > 0 and < 1, nameof(ShrinkageConfidence), ShrinkageConfidence, "must be in (0, 1)");
        Require(DriftWindow is >= 32 and <= 1 << 16, nameof(DriftWindow), DriftWindow, "must be in [32, 65536]");
        Require(DriftConfidence is > 0.5 and < 1, nameof(DriftConfidence), DriftConfidence, "must be in (0.5, 1)");
        Require(DriftConfirmConfidence is > 0.5 and < 1, nameof(DriftConfirmConfidence), DriftConfirmConfidence, "must be in (0.5, 1)");
        Require(CalibrationFile is null || CalibrationFile.Length > 0, nameof(CalibrationFile), CalibrationFile, "must be null or a path");
        Require(RebuildInterval is null || RebuildInterval > TimeSpan.Zero, nameof(RebuildInterval), RebuildInterval, "must be positive or null");
        Require(HorizonSamples is null || HorizonSamples >= WarmUp, nameof(HorizonSamples), HorizonSamples, $"must be null or at least WarmUp ({WarmUp})");
        Require(MaxGroups is >= 2 and <= 1 << 20, nameof(MaxGroups), MaxGroups, "must be in [2, 1048576]");
        Require(!string.IsNullOrEmpty(OverflowGroupLabel), nameof(OverflowGroupLabel), OverflowGroupLabel, "must not be empty");
        Require(!string.IsNullOrEmpty(UnknownGroupLabel), nameof(UnknownGroupLabel), UnknownGroupLabel, "must not be empty");
        Require(OverflowGroupLabel != UnknownGroupLabel, nameof(UnknownGroupLabel), UnknownGroupLabel, "must differ from OverflowGroupLabel");
        Require(TieJitter is >= 0 and < 1e-3, nameof(TieJitter), TieJitter, "must be in [0, 0.001)");
        Require(ViolationInterval >= TimeSpan.Zero, nameof(ViolationInterval), ViolationInterval, "must not be negative");
        Require(Thresholds is not null, nameof(Thresholds), null, "must not be null");
        foreach (var t in Thresholds!)
        {
            Require(double.IsFinite(t), nameof(Thresholds), t, "must all be finite");
        }

        Require(TimeProvider is not null, nameof(TimeProvider), null, "must not be null");
        foreach (var sink in Sinks)
        {
            Require(sink is not null, nameof(Sinks), null, "must not contain null");
        }
    }

    private static void Require(bool ok, string option, object? value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(option, value, $"ParityGuardOptions.{option} {rule} (got {value ?? "null"}).");
        }
    }
}
