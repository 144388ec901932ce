using FairnessGuard.Telemetry;
using Microsoft.Extensions.Logging;

namespace FairnessGuard.Registry;

/// <summary>Log events of the registry (ids 1120–1123).</summary>
internal static partial class RegistryLog
{
    [LoggerMessage(EventId = FairnessGuardEvents.RegistryReloaded, EventName = nameof(FairnessGuardEvents.RegistryReloaded), Level = LogLevel.Information,
        Message = "FairnessGuard options reloaded: {Rebuilt} guards rebuilt.")]
    public static partial void Reloaded(ILogger logger, int rebuilt);

    [LoggerMessage(EventId = FairnessGuardEvents.GuardRebuilt, EventName = nameof(FairnessGuardEvents.GuardRebuilt), Level = LogLevel.Information,
        Message = "Guard {Guard}: rebuilt under the new options with its state carried over ({Groups} groups).")]
    public static partial void Rebuilt(ILogger logger, string guard, int groups);

    [LoggerMessage(EventId = FairnessGuardEvents.GuardRebuiltFresh, EventName = nameof(FairnessGuardEvents.GuardRebuiltFresh), Level = LogLevel.Warning,
        Message = "Guard {Guard}: rebuilt fresh under the new options, its state could not be carried over: {Reason}.")]
    public static partial void RebuiltFresh(ILogger logger, string guard, string reason);

    [LoggerMessage(EventId = FairnessGuardEvents.ReloadRejected, EventName = nameof(FairnessGuardEvents.ReloadRejected), Level = LogLevel.Error,
        Message = "FairnessGuard options reload rejected, the guards keep their options: {Reason}")]
    public static partial void ReloadRejected(ILogger logger, string reason);
}
