using System.Globalization;
using FairnessGuard.Guard;

namespace FairnessGuard.Registry;

/// <summary>The values configuration can change (every <see cref="PolicyOverrides"/> option) as one comparable string.</summary>
internal static class OptionsFingerprint
{
    public static string Of(ParityGuardOptions o) => string.Join(
        "|",
        o.Mode,
        Text(o.Strength),
        Text(o.Tolerance),
        Text(o.Confidence),
        o.WarmUp,
        o.SketchK,
        o.MonitorSketchK,
        o.Knots,
        o.RebuildEvery,
        o.RebuildInterval?.Ticks,
        o.HorizonSamples,
        o.MaxGroups,
        o.ViolationInterval.Ticks,
        o.Seed,
        o.BackgroundRebuild,
        string.Join(";", o.Thresholds.Select(Text)),
        o.CalibrationFile,
        o.Shrinkage,
        o.NoHarmWhenFair,
        o.DriftDetection,
        Text(o.RebuildGrowth));

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
