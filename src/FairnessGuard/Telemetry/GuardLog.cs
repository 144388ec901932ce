using Microsoft.Extensions.Logging;

namespace FairnessGuard.Telemetry;

/// <summary>
/// The guard's log events, source-generated (no boxing or parsing per call). Ids and names come from the
/// catalog <see cref="FairnessGuardEvents"/>, documented in docs/telemetry.md.
/// </summary>
internal static partial class GuardLog
{
    [LoggerMessage(EventId = FairnessGuardEvents.WarmingUp, EventName = nameof(FairnessGuardEvents.WarmingUp), Level = LogLevel.Information,
        Message = "Policy {Policy}: group '{Group}' is warming up ({Count} of {WarmUp} samples); its outputs pass through uncorrected.")]
    public static partial void WarmingUp(ILogger logger, string policy, string group, long count, int warmUp);

    [LoggerMessage(EventId = FairnessGuardEvents.CorrectionActive, EventName = nameof(FairnessGuardEvents.CorrectionActive), Level = LogLevel.Information,
        Message = "Policy {Policy}: correction active for {ActiveGroups} groups (map version {Version}).")]
    public static partial void CorrectionActive(ILogger logger, string policy, int activeGroups, long version);

    [LoggerMessage(EventId = FairnessGuardEvents.GroupCapReached, EventName = nameof(FairnessGuardEvents.GroupCapReached), Level = LogLevel.Warning,
        Message = "Policy {Policy}: more than {MaxGroups} distinct groups; further keys share the group '{OverflowGroup}'. Check the group key: made-up keys must not exhaust memory.")]
    public static partial void GroupCapReached(ILogger logger, string policy, int maxGroups, string overflowGroup);

    [LoggerMessage(EventId = FairnessGuardEvents.ParityViolation, EventName = nameof(FairnessGuardEvents.ParityViolation), Level = LogLevel.Warning,
        Message = "Policy {Policy} on {Method}: demographic parity violated between '{FirstGroup}' and '{SecondGroup}': KS {Gap:0.0000} (lower bound {LowerBound:0.0000} > tolerance {Tolerance}) on {FirstCount} and {SecondCount} samples; raw KS {RawGap:0.0000}.")]
    public static partial void Violation(ILogger logger, string policy, string method, string firstGroup, string secondGroup, double gap, double lowerBound, double tolerance, long firstCount, long secondCount, double rawGap);

    [LoggerMessage(EventId = FairnessGuardEvents.SinkFailed, EventName = nameof(FairnessGuardEvents.SinkFailed), Level = LogLevel.Error,
        Message = "Policy {Policy}: violation sink {Sink} failed; the violation is still logged.")]
    public static partial void SinkFailed(ILogger logger, Exception exception, string policy, string sink);

    [LoggerMessage(EventId = FairnessGuardEvents.RebuildFailed, EventName = nameof(FairnessGuardEvents.RebuildFailed), Level = LogLevel.Error,
        Message = "Policy {Policy}: rebuilding the barycenter map failed; the previous map stays in use.")]
    public static partial void RebuildFailed(ILogger logger, Exception exception, string policy);

    [LoggerMessage(EventId = FairnessGuardEvents.GuardFault, EventName = nameof(FairnessGuardEvents.GuardFault), Level = LogLevel.Error,
        Message = "Policy {Policy}: the guard failed on a call; the raw output was returned unchanged.")]
    public static partial void GuardFault(ILogger logger, Exception exception, string policy);

    [LoggerMessage(EventId = FairnessGuardEvents.MapRebuilt, EventName = nameof(FairnessGuardEvents.MapRebuilt), Level = LogLevel.Debug,
        Message = "Policy {Policy}: map version {Version} built for {ActiveGroups} of {Groups} groups in {Milliseconds:0.00} ms.")]
    public static partial void MapRebuilt(ILogger logger, string policy, long version, int activeGroups, int groups, double milliseconds);

    [LoggerMessage(EventId = FairnessGuardEvents.NonFiniteOutputs, EventName = nameof(FairnessGuardEvents.NonFiniteOutputs), Level = LogLevel.Warning,
        Message = "Policy {Policy}: {Count} NaN or infinite outputs so far were returned unchanged and not measured.")]
    public static partial void NonFiniteOutputs(ILogger logger, string policy, long count);

    [LoggerMessage(EventId = FairnessGuardEvents.UnknownGroup, EventName = nameof(FairnessGuardEvents.UnknownGroup), Level = LogLevel.Warning,
        Message = "Policy {Policy}: outputs with a null group are tracked as the group '{UnknownGroup}'.")]
    public static partial void UnknownGroup(ILogger logger, string policy, string unknownGroup);

    [LoggerMessage(EventId = FairnessGuardEvents.ParityRestored, EventName = nameof(FairnessGuardEvents.ParityRestored), Level = LogLevel.Information,
        Message = "Policy {Policy}: parity restored: returned KS {Gap:0.0000}, lower bound {LowerBound:0.0000} within tolerance {Tolerance}; the violation is resolved.")]
    public static partial void ParityRestored(ILogger logger, string policy, double gap, double lowerBound, double tolerance);

    [LoggerMessage(EventId = FairnessGuardEvents.DriftDetected, EventName = nameof(FairnessGuardEvents.DriftDetected), Level = LogLevel.Warning,
        Message = "Policy {Policy}: the raw outputs of group '{Group}' drifted (recent window vs its distribution); its estimate restarted from {Samples} recent samples.")]
    public static partial void DriftDetected(ILogger logger, string policy, string group, long samples);

    [LoggerMessage(EventId = FairnessGuardEvents.Primed, EventName = nameof(FairnessGuardEvents.Primed), Level = LogLevel.Information,
        Message = "Policy {Policy}: primed with {Samples} calibration outputs of {Groups} groups (map version {Version}).")]
    public static partial void Primed(ILogger logger, string policy, long samples, int groups, long version);
}
