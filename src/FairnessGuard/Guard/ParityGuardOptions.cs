using System.Collections.ObjectModel;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using FairnessGuard.Correction;
using FairnessGuard.Monitoring;
using Microsoft.Extensions.Logging;

namespace FairnessGuard.Guard;

/// <summary>
/// Settings of a <see cref="ParityGuard{TGroup}"/>, validated once when the guard is built: an invalid value
/// fails construction with an exception that names the option.
/// </summary>
/// <remarks>
/// A guard keeps a frozen copy of the options it was given (as <c>JsonSerializerOptions</c> freezes once
/// used): <see cref="ParityGuard{TGroup}.Options"/> returns that copy, whose setters and <see cref="Sinks"/>
/// throw <see cref="InvalidOperationException"/>. The caller's instance stays usable, so one options object can
/// build several guards; <see cref="Clone"/> derives new options from any instance, frozen or not.
/// </remarks>
public sealed partial class ParityGuardOptions
{
    private SinkList _sinks;

    /// <summary>Creates default options.</summary>
    public ParityGuardOptions()
    {
        _sinks = new SinkList(this);
    }

    /// <summary>Whether these options belong to a guard and can no longer change.</summary>
    public bool IsFrozen { get; private set; }

    /// <summary>The policy's name in logs, metrics and violations. Default "demographic-parity".</summary>
    public string PolicyName { get; set => field = Unfrozen(value); } = "demographic-parity";

    /// <summary>The guarded method (e.g. "LoanModel.Score"), reported with violations; optional.</summary>
    public string? MethodName { get; set => field = Unfrozen(value); }

    /// <summary>The sensitive attribute the policy constrains (e.g. "Race"): a tag on every metric; optional.</summary>
    public string? AttributeName { get; set => field = Unfrozen(value); }

    /// <summary><see cref="PolicyMode.Enforce"/> corrects outputs; <see cref="PolicyMode.Monitor"/> only measures.</summary>
    public PolicyMode Mode { get; set => field = Unfrozen(value); } = PolicyMode.Enforce;

    /// <summary>The strength λ in [0, 1]: the output is <c>(1 − λ)·y + λ·y'</c>. Default 1 (full parity).</summary>
    public double Strength { get; set => field = Unfrozen(value); } = 1.0;

    /// <summary>The largest acceptable KS gap, in (0, 1); a violation needs its confidence lower bound above it. Default 0.05.</summary>
    public double Tolerance { get; set => field = Unfrozen(value); } = DemographicParityAttribute.DefaultTolerance;

    /// <summary>The confidence of the violation test's lower bound, in (0, 1). Default 0.95.</summary>
    public double Confidence { get; set => field = Unfrozen(value); } = 0.95;

    /// <summary>Samples a group needs before its outputs are corrected (and before it joins the barycenter). Default 200.</summary>
    public int WarmUp { get; set => field = Unfrozen(value); } = DemographicParityAttribute.DefaultWarmUp;

    /// <summary>The <c>k</c> of each group's raw-output sketch: rank error ≈ 3.26/k at 99 %, memory ≈ 24·k bytes. Default 1,000.</summary>
    public int SketchK { get; set => field = Unfrozen(value); } = 1000;

    /// <summary>The <c>k</c> of the monitor's sketch of returned outputs per group. Default 200.</summary>
    public int MonitorSketchK { get; set => field = Unfrozen(value); } = 200;

    /// <summary>Knots per group in the barycenter map (rank resolution 1/(K−1)). Default 512.</summary>
    public int Knots { get; set => field = Unfrozen(value); } = 512;

    /// <summary>
    /// Geometric rebuild trigger: the map is rebuilt as soon as a second group has <see cref="WarmUp"/> samples,
    /// then whenever a group's true count has grown by this fraction since the last rebuild (early: often;
    /// later: rarely), up to 65,536 samples per group; past that the count and time triggers take over.
    /// 0 disables it. Default 0.25.
    /// </summary>
    public double RebuildGrowth { get; set => field = Unfrozen(value); } = 0.25;

    /// <summary>
    /// Small-group shrinkage (docs/guard.md): every group with a sample joins the barycenter, its correction
    /// scaled by <c>1 − w</c>, <c>w = min(1, ε²/D²)</c> (positive-part James–Stein: D the group's KS to the rest of
    /// the stream, ε the two-sample DKW half-width of D at <see cref="ShrinkageConfidence"/>). Off: groups below
    /// <see cref="WarmUp"/> pass through. Default on.
    /// </summary>
    public bool Shrinkage { get; set => field = Unfrozen(value); } = true;

    /// <summary>
    /// Do no harm when fair (docs/guard.md): nothing is corrected while every group's raw KS distance to the rest of
    /// the stream is within the sampling noise of a fair stream (<c>π/√12 · √(1/n_s + 1/(N − n_s))</c>, the
    /// root-mean-square of the two-sample KS under parity, Šidák-adjusted for more than two groups) plus
    /// <see cref="NoHarmThreshold"/>, or while every pair of groups is within <see cref="Tolerance"/> with
    /// <see cref="Confidence"/>. Re-decided at every rebuild. Outputs held back are counted as <c>no_harm</c>. Default on.
    /// </summary>
    public bool NoHarmWhenFair { get; set => field = Unfrozen(value); } = true;

    /// <summary>
    /// The margin (KS) by which a group's raw gap to the rest must exceed the sampling noise before correction starts,
    /// in [0, 1). Default 0: correct as soon as the gap is larger than a fair stream's typical gap; set it to
    /// <see cref="Tolerance"/> to correct only gaps that exceed the noise by the tolerance.
    /// </summary>
    public double NoHarmThreshold { get; set => field = Unfrozen(value); }

    /// <summary>
    /// The confidence of the two-sample DKW half-width ε in the shrinkage weight, in (0, 1). Default
    /// <c>1 − 2e^(−π²/6) ≈ 0.614</c>, at which ε is the root-mean-square of the two-sample KS under parity,
    /// <c>π/√12 · √(1/n_s + 1/(N − n_s))</c>.
    /// </summary>
    public double ShrinkageConfidence { get; set => field = Unfrozen(value); } = DefaultShrinkageConfidence;

    /// <summary><c>1 − 2e^(−π²/6)</c>: the confidence at which √(ln(2/δ)/2) = π/√12 (<see cref="Correction.NoHarmRule.Level"/>).</summary>
    internal static readonly double DefaultShrinkageConfidence = 1 - Correction.NoHarmRule.Level;

    /// <summary>Per-group drift detection: a window of recent raw outputs tested against the group's distribution. Default on.</summary>
    public bool DriftDetection { get; set => field = Unfrozen(value); } = true;

    /// <summary>Raw outputs per drift test window, in [32, 65536]. Default 128.</summary>
    public int DriftWindow { get; set => field = Unfrozen(value); } = 128;

    /// <summary>
    /// Confidence of the first drift stage: a window whose KS to the group's distribution exceeds the two-sample DKW
    /// threshold at δ = 1 − c makes the group a suspect (a stable stream: one suspect per 1/(1 − c) windows), in (0.5, 1).
    /// Default 0.9999.
    /// </summary>
    public double DriftConfidence { get; set => field = Unfrozen(value); } = 0.9999;

    /// <summary>
    /// Confidence of the second drift stage: a suspect group restarts only when the next window also exceeds the
    /// threshold at δ = 1 − c (a stable stream: one restart per 1/((1 − <see cref="DriftConfidence"/>)(1 − c)) windows),
    /// in (0.5, 1). Default 0.99.
    /// </summary>
    public double DriftConfirmConfidence { get; set => field = Unfrozen(value); } = 0.99;

    /// <summary>
    /// A calibration file (<see cref="GuardCalibration"/> format) loaded by the constructor to prime the guard,
    /// so correction is right from the first prediction. Keys are parsed from the labels for string, enum,
    /// bool, integer, Guid and char keys; other key types call <see cref="ParityGuard{TGroup}.Prime(GuardCalibration, Func{string, TGroup})"/>.
    /// </summary>
    public string? CalibrationFile { get; set => field = Unfrozen(value); }

    /// <summary>Rebuild the map after this many new samples (over all groups). Default 1,024.</summary>
    public int RebuildEvery { get; set => field = Unfrozen(value); } = 1024;

    /// <summary>Also rebuild when this much time has passed and new samples arrived; null = count only. Default 5 s.</summary>
    public TimeSpan? RebuildInterval { get; set => field = Unfrozen(value); } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Drift horizon in samples per group: a group's distribution covers its last H to 2H samples (two
    /// rotating sketches), so old outputs age out. Null (the default) keeps everything.
    /// </summary>
    public long? HorizonSamples { get; set => field = Unfrozen(value); }

    /// <summary>The most distinct groups tracked; further keys share <see cref="OverflowGroupLabel"/>. Default 1,024.</summary>
    public int MaxGroups { get; set => field = Unfrozen(value); } = 1024;

    /// <summary>The label of the group that collects keys beyond <see cref="MaxGroups"/>. Default "(overflow)".</summary>
    public string OverflowGroupLabel { get; set => field = Unfrozen(value); } = "(overflow)";

    /// <summary>The label of the group that collects null keys. Default "(unknown)".</summary>
    public string UnknownGroupLabel { get; set => field = Unfrozen(value); } = "(unknown)";

    /// <summary>
    /// Relative amplitude of the uniform noise that breaks ties inside atoms (Chzhen et al. 2020): a value y
    /// is ranked as <c>y ± TieJitter·max(|y|, 10⁻²⁹⁰)</c>: relative, so the correction does not depend on the outputs' unit. 0 disables it. Default 10⁻⁹.
    /// </summary>
    public double TieJitter { get; set => field = Unfrozen(value); } = 1e-9;

    /// <summary>Decision thresholds at which the monitor reports selection rates per group.</summary>
    public IReadOnlyList<double> Thresholds { get; set => field = Unfrozen(value); } = [];

    /// <summary>The shortest time between two violations of this policy. Default 1 minute.</summary>
    public TimeSpan ViolationInterval { get; set => field = Unfrozen(value); } = TimeSpan.FromMinutes(1);

    /// <summary>Seed of the sketches' coin flips and the jitter. Same seed and same single-threaded input, same outputs.</summary>
    public ulong Seed { get; set => field = Unfrozen(value); } = 0x5EED;

    /// <summary>Rebuild maps on the thread pool (default) or inline on the call that triggers it (deterministic replays).</summary>
    public bool BackgroundRebuild { get; set => field = Unfrozen(value); } = true;

    /// <summary>Where log events go; none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set => field = Unfrozen(value); }

    /// <summary>Creates the guard's meter (DI's <see cref="IMeterFactory"/>); a meter of its own when null.</summary>
    public IMeterFactory? MeterFactory { get; set => field = Unfrozen(value); }

    /// <summary>Where violations are written besides the log; a failing sink never breaks a prediction.</summary>
    public IList<IViolationSink> Sinks => _sinks;

    /// <summary>The clock (tests use a fake one). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set => field = Unfrozen(value); } = TimeProvider.System;

    /// <summary>
    /// A copy of these options that can be changed (never frozen), e.g. to derive the options of another guard
    /// from <see cref="ParityGuard{TGroup}.Options"/>. Sinks, logger, meter factory and clock are shared, not copied.
    /// </summary>
    /// <returns>The copy.</returns>
    public ParityGuardOptions Clone()
    {
        var copy = (ParityGuardOptions)MemberwiseClone();
        copy.IsFrozen = false;
        copy._sinks = new SinkList(copy);
        foreach (var sink in _sinks)
        {
            copy._sinks.Add(sink);
        }

        // A private copy: a list the caller keeps and changes later cannot reach a built guard.
        copy.Thresholds = Thresholds is null ? null! : Array.AsReadOnly(Thresholds.ToArray());
        return copy;
    }

    /// <summary>A validated, frozen copy: what a guard keeps and reads.</summary>
    internal ParityGuardOptions Freeze()
    {
        var copy = Clone();
        copy.Validate();
        copy.IsFrozen = true;
        return copy;
    }

    /// <summary>
    /// A hash of the options that shape a guard's state (sketch sizes, horizon, cap, labels): snapshots taken
    /// under one shape cannot be restored under another. Stores key snapshots by it.
    /// </summary>
    /// <returns>The hash.</returns>
    public ulong StateShapeHash()
    {
        var text = $"v1|{SketchK}|{MonitorSketchK}|{HorizonSamples}|{MaxGroups}|{OverflowGroupLabel}|{UnknownGroupLabel}";
        return Sketches.SketchChecksum.Compute(System.Text.Encoding.UTF8.GetBytes(text));
    }

    private T Unfrozen<T>(T value, [CallerMemberName] string option = "")
    {
        ThrowIfFrozen(option);
        return value;
    }

    private void ThrowIfFrozen(string option)
    {
        if (IsFrozen)
        {
            throw new InvalidOperationException(
                $"ParityGuardOptions.{option} cannot change after the guard is built; set it before building, or build a new guard from options.Clone().");
        }
    }

    /// <summary>The sink list: read-only once its options are frozen.</summary>
    private sealed class SinkList(ParityGuardOptions owner) : Collection<IViolationSink>
    {
        protected override void InsertItem(int index, IViolationSink item)
        {
            owner.ThrowIfFrozen(nameof(Sinks));
            base.InsertItem(index, item);
        }

        protected override void SetItem(int index, IViolationSink item)
        {
            owner.ThrowIfFrozen(nameof(Sinks));
            base.SetItem(index, item);
        }

        protected override void RemoveItem(int index)
        {
            owner.ThrowIfFrozen(nameof(Sinks));
            base.RemoveItem(index);
        }

        protected override void ClearItems()
        {
            owner.ThrowIfFrozen(nameof(Sinks));
            base.ClearItems();
        }
    }
}
