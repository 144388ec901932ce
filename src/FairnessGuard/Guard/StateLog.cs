using FairnessGuard.Telemetry;
using Microsoft.Extensions.Logging;

namespace FairnessGuard.Guard;

/// <summary>Log events of durable state (ids 1100–1104 of <see cref="FairnessGuardEvents"/>; replication uses 1110–1119). Documented in docs/storage.md.</summary>
internal static partial class StateLog
{
    [LoggerMessage(EventId = FairnessGuardEvents.SnapshotRestored, EventName = nameof(FairnessGuardEvents.SnapshotRestored), Level = LogLevel.Information,
        Message = "Policy {Policy}: state restored from the snapshot saved at {SavedAt:o} ({Groups} groups).")]
    public static partial void Restored(ILogger logger, string policy, DateTimeOffset savedAt, int groups);

    [LoggerMessage(EventId = FairnessGuardEvents.SnapshotIncompatible, EventName = nameof(FairnessGuardEvents.SnapshotIncompatible), Level = LogLevel.Warning,
        Message = "Policy {Policy}: the snapshot saved at {SavedAt:o} was taken under incompatible options (shape {StoredShape:x16}, now {Shape:x16}); it is kept untouched and the guard starts fresh.")]
    public static partial void Incompatible(ILogger logger, string policy, DateTimeOffset savedAt, ulong storedShape, ulong shape);

    [LoggerMessage(EventId = FairnessGuardEvents.SnapshotQuarantined, EventName = nameof(FairnessGuardEvents.SnapshotQuarantined), Level = LogLevel.Error,
        Message = "Policy {Policy}: the snapshot saved at {SavedAt:o} cannot be read ({Reason}); it was moved to quarantine and the guard starts fresh.")]
    public static partial void Quarantined(ILogger logger, string policy, DateTimeOffset savedAt, string reason);

    [LoggerMessage(EventId = FairnessGuardEvents.SnapshotSaved, EventName = nameof(FairnessGuardEvents.SnapshotSaved), Level = LogLevel.Debug,
        Message = "Policy {Policy}: snapshot saved ({Bytes} bytes).")]
    public static partial void Saved(ILogger logger, string policy, int bytes);

    [LoggerMessage(EventId = FairnessGuardEvents.StateStoreFailed, EventName = nameof(FairnessGuardEvents.StateStoreFailed), Level = LogLevel.Error,
        Message = "Policy {Policy}: the state store failed during {Operation}; the guard keeps serving from memory.")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string policy, string operation);
}
