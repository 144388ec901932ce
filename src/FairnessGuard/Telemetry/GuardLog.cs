using Microsoft.Extensions.Logging;

namespace FairnessGuard.Telemetry;

/// <summary>
/// The guard's log events, source-generated (no boxing or parsing per call). Event ids are stable and
/// documented in docs/telemetry.md: dashboards and alerts may key on them.
/// </summary>
internal static partial class GuardLog
{
    [LoggerMessage(EventId = 1000, EventName = "WarmingUp", Level = LogLevel.Information,
        Message = "Policy {Policy}: group '{Group}' is warming up ({Count} of {WarmUp} samples); its outputs pass through uncorrected.")]
    public static partial void WarmingUp(ILogger logger, string policy, string group, long count, int warmUp);

    [LoggerMessage(EventId = 1001, EventName = "CorrectionActive", Level = LogLevel.Information,
        Message = "Policy {Policy}: correction active for {ActiveGroups} groups (map version {Version}).")]
    public static partial void CorrectionActive(ILogger logger, string policy, int activeGroups, long version);

    [LoggerMessage(EventId = 1002, EventName = "GroupCapReached", Level = LogLevel.Warning,
        Message = "Policy {Policy}: more than {MaxGroups} distinct groups; further keys share the group '{OverflowGroup}'. Check the group key: made-up keys must not exhaust memory.")]
    public static partial void GroupCapReached(ILogger logger, string policy, int maxGroups, string overflowGroup);

    [LoggerMessage(EventId = 1003, EventName = "ParityViolation", Level = LogLevel.Warning,
        Message = "Policy {Policy} on {Method}: demographic parity violated between '{FirstGroup}' and '{SecondGroup}': KS {Gap:0.0000} (lower bound {LowerBound:0.0000} > tolerance {Tolerance}) on {FirstCount} and {SecondCount} samples; raw KS {RawGap:0.0000}.")]
    public static partial void Violation(ILogger logger, string policy, string method, string firstGroup, string secondGroup, double gap, double lowerBound, double tolerance, long firstCount, long secondCount, double rawGap);

    [LoggerMessage(EventId = 1004, EventName = "SinkFailed", Level = LogLevel.Error,
        Message = "Policy {Policy}: violation sink {Sink} failed; the violation is still logged.")]
    public static partial void SinkFailed(ILogger logger, Exception exception, string policy, string sink);

    [LoggerMessage(EventId = 1005, EventName = "RebuildFailed", Level = LogLevel.Error,
        Message = "Policy {Policy}: rebuilding the barycenter map failed; the previous map stays in use.")]
    public static partial void RebuildFailed(ILogger logger, Exception exception, string policy);

    [LoggerMessage(EventId = 1006, EventName = "GuardFault", Level = LogLevel.Error,
        Message = "Policy {Policy}: the guard failed on a call; the raw output was returned unchanged.")]
    public static partial void GuardFault(ILogger logger, Exception exception, string policy);

    [LoggerMessage(EventId = 1007, EventName = "MapRebuilt", Level = LogLevel.Debug,
        Message = "Policy {Policy}: map version {Version} built for {ActiveGroups} of {Groups} groups in {Milliseconds:0.00} ms.")]
    public static partial void MapRebuilt(ILogger logger, string policy, long version, int activeGroups, int groups, double milliseconds);

    [LoggerMessage(EventId = 1008, EventName = "NonFiniteOutputs", Level = LogLevel.Warning,
        Message = "Policy {Policy}: {Count} NaN or infinite outputs so far were returned unchanged and not measured.")]
    public static partial void NonFiniteOutputs(ILogger logger, string policy, long count);

    [LoggerMessage(EventId = 1009, EventName = "UnknownGroup", Level = LogLevel.Warning,
        Message = "Policy {Policy}: outputs with a null group are tracked as the group '{UnknownGroup}'.")]
    public static partial void UnknownGroup(ILogger logger, string policy, string unknownGroup);

    [LoggerMessage(EventId = 1010, EventName = "ParityRestored", Level = LogLevel.Information,
        Message = "Policy {Policy}: parity restored: returned KS {Gap:0.0000}, lower bound {LowerBound:0.0000} within tolerance {Tolerance}; the violation is resolved.")]
    public static partial void ParityRestored(ILogger logger, string policy, double gap, double lowerBound, double tolerance);

    [LoggerMessage(EventId = 1011, EventName = "DriftDetected", Level = LogLevel.Warning,
        Message = "Policy {Policy}: the raw outputs of group '{Group}' drifted (recent window vs its distribution); its estimate restarted from {Samples} recent samples.")]
    public static partial void DriftDetected(ILogger logger, string policy, string group, long samples);

    [LoggerMessage(EventId = 1012, EventName = "Primed", Level = LogLevel.Information,
        Message = "Policy {Policy}: primed with {Samples} calibration outputs of {Groups} groups (map version {Version}).")]
    public static partial void Primed(ILogger logger, string policy, long samples, int groups, long version);
}
