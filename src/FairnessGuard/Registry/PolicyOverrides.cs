using FairnessGuard.Guard;

namespace FairnessGuard.Registry;

/// <summary>
/// Overrides of one method's (or one policy's) guard options; a null value leaves the attribute's value or
/// the guard's default. Each property is the <see cref="ParityGuardOptions"/> property of the same name.
/// </summary>
public sealed class PolicyOverrides
{
    /// <summary>Overrides <see cref="ParityGuardOptions.Mode"/>.</summary>
    public PolicyMode? Mode { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.Strength"/>.</summary>
    public double? Strength { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.Tolerance"/>.</summary>
    public double? Tolerance { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.Confidence"/>.</summary>
    public double? Confidence { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.WarmUp"/>.</summary>
    public int? WarmUp { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.SketchK"/>.</summary>
    public int? SketchK { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.MonitorSketchK"/>.</summary>
    public int? MonitorSketchK { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.Knots"/>.</summary>
    public int? Knots { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.RebuildEvery"/>.</summary>
    public int? RebuildEvery { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.RebuildInterval"/>.</summary>
    public TimeSpan? RebuildInterval { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.HorizonSamples"/>.</summary>
    public long? HorizonSamples { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.MaxGroups"/>.</summary>
    public int? MaxGroups { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.ViolationInterval"/>.</summary>
    public TimeSpan? ViolationInterval { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.Seed"/>.</summary>
    public ulong? Seed { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.BackgroundRebuild"/>.</summary>
    public bool? BackgroundRebuild { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.Thresholds"/>.</summary>
    public IReadOnlyList<double>? Thresholds { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.CalibrationFile"/>: the guard is primed from this file when it is built.</summary>
    public string? CalibrationFile { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.Shrinkage"/>.</summary>
    public bool? Shrinkage { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.NoHarmWhenFair"/>.</summary>
    public bool? NoHarmWhenFair { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.DriftDetection"/>.</summary>
    public bool? DriftDetection { get; set; }

    /// <summary>Overrides <see cref="ParityGuardOptions.RebuildGrowth"/>.</summary>
    public double? RebuildGrowth { get; set; }

    /// <summary>Writes the non-null overrides into <paramref name="options"/>.</summary>
    /// <param name="options">The options to change.</param>
    public void ApplyTo(ParityGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Mode = Mode ?? options.Mode;
        options.Strength = Strength ?? options.Strength;
        options.Tolerance = Tolerance ?? options.Tolerance;
        options.Confidence = Confidence ?? options.Confidence;
        options.WarmUp = WarmUp ?? options.WarmUp;
        options.SketchK = SketchK ?? options.SketchK;
        options.MonitorSketchK = MonitorSketchK ?? options.MonitorSketchK;
        options.Knots = Knots ?? options.Knots;
        options.RebuildEvery = RebuildEvery ?? options.RebuildEvery;
        options.RebuildInterval = RebuildInterval ?? options.RebuildInterval;
        options.HorizonSamples = HorizonSamples ?? options.HorizonSamples;
        options.MaxGroups = MaxGroups ?? options.MaxGroups;
        options.ViolationInterval = ViolationInterval ?? options.ViolationInterval;
        options.Seed = Seed ?? options.Seed;
        options.BackgroundRebuild = BackgroundRebuild ?? options.BackgroundRebuild;
        options.Thresholds = Thresholds ?? options.Thresholds;
        options.CalibrationFile = CalibrationFile ?? options.CalibrationFile;
        options.Shrinkage = Shrinkage ?? options.Shrinkage;
        options.NoHarmWhenFair = NoHarmWhenFair ?? options.NoHarmWhenFair;
        options.DriftDetection = DriftDetection ?? options.DriftDetection;
        options.RebuildGrowth = RebuildGrowth ?? options.RebuildGrowth;
    }
}
