namespace FairnessGuard.Telemetry;

/// <summary>
/// The names FairnessGuard publishes metrics under (documented in docs/telemetry.md): subscribe to
/// <see cref="MeterName"/>, e.g. <c>AddMeter(FairnessGuardTelemetry.MeterName)</c> with OpenTelemetry.
/// </summary>
public static class FairnessGuardTelemetry
{
    /// <summary>The meter every guard's instruments live on.</summary>
    public const string MeterName = "FairnessGuard";

    /// <summary>Tag: the policy's name (<c>ParityGuardOptions.PolicyName</c>), on every measurement.</summary>
    public const string PolicyTag = "fairnessguard.policy";

    /// <summary>Tag: the guarded method (<c>ParityGuardOptions.MethodName</c>), on every measurement when set.</summary>
    public const string MethodTag = "fairnessguard.method";

    /// <summary>Tag: the sensitive attribute (<c>ParityGuardOptions.AttributeName</c>), on every measurement when set.</summary>
    public const string AttributeTag = "fairnessguard.attribute";

    /// <summary>Observable counter: outputs seen.</summary>
    public const string Predictions = "fairnessguard.predictions";

    /// <summary>Observable counter: outputs produced by the map.</summary>
    public const string Corrections = "fairnessguard.corrections";

    /// <summary>Observable counter: outputs returned different from the raw output.</summary>
    public const string OutputsChanged = "fairnessguard.outputs.changed";

    /// <summary>Observable counter: outputs returned unchanged, tagged <c>reason</c>.</summary>
    public const string PassThroughs = "fairnessguard.passthroughs";

    /// <summary>Observable gauge: current KS unfairness, tagged <c>stage</c> = raw or returned.</summary>
    public const string ParityKs = "fairnessguard.parity.ks";

    /// <summary>Observable gauge: confidence lower bound of the returned KS.</summary>
    public const string ParityKsLowerBound = "fairnessguard.parity.ks.lower_bound";

    /// <summary>Observable up-down counter: groups tracked.</summary>
    public const string Groups = "fairnessguard.groups";

    /// <summary>Counter: violations raised.</summary>
    public const string Violations = "fairnessguard.violations";

    /// <summary>Counter: map rebuilds.</summary>
    public const string MapRebuilds = "fairnessguard.map.rebuilds";

    /// <summary>Counter: violation sink writes that failed.</summary>
    public const string SinkFailures = "fairnessguard.sink.failures";

    /// <summary>Counter: group estimates restarted by drift detection.</summary>
    public const string DriftDetected = "fairnessguard.drift.detected";

    /// <summary>Counter: violations resolved (event 1010).</summary>
    public const string ViolationsResolved = "fairnessguard.violations.resolved";

    /// <summary>Every instrument name, in the order of docs/telemetry.md.</summary>
    public static IReadOnlyList<string> Instruments { get; } =
    [
        Predictions, Corrections, OutputsChanged, PassThroughs, ParityKs, ParityKsLowerBound, Groups,
        Violations, MapRebuilds, SinkFailures, DriftDetected, ViolationsResolved,
    ];
}
