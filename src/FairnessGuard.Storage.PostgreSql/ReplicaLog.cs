using FairnessGuard.Telemetry;
using Microsoft.Extensions.Logging;

namespace FairnessGuard.Storage.PostgreSql;

/// <summary>Replication log events (ids 1110–1119 of <see cref="FairnessGuardEvents"/>), documented in docs/storage.md.</summary>
internal static partial class ReplicaLog
{
    [LoggerMessage(EventId = FairnessGuardEvents.ReplicaOffline, EventName = nameof(FairnessGuardEvents.ReplicaOffline), Level = LogLevel.Warning,
        Message = "Policy {Policy}, replica {Replica}: the shared state is unreachable; serving from local state and buffering deltas ({Buffered} buffered).")]
    public static partial void Offline(ILogger logger, Exception exception, string policy, string replica, int buffered);

    [LoggerMessage(EventId = FairnessGuardEvents.ReplicaResynced, EventName = nameof(FairnessGuardEvents.ReplicaResynced), Level = LogLevel.Information,
        Message = "Policy {Policy}, replica {Replica}: in sync with the shared state (version {Version}, {Groups} groups).")]
    public static partial void Resynced(ILogger logger, string policy, string replica, long version, int groups);

    [LoggerMessage(EventId = FairnessGuardEvents.DeltasDropped, EventName = nameof(FairnessGuardEvents.DeltasDropped), Level = LogLevel.Warning,
        Message = "Policy {Policy}, replica {Replica}: delta buffer full ({Capacity}); {Dropped} deltas dropped so far, oldest first. Their samples stay out of the shared state.")]
    public static partial void Dropped(ILogger logger, string policy, string replica, int capacity, long dropped);

    [LoggerMessage(EventId = FairnessGuardEvents.SharedRowsQuarantined, EventName = nameof(FairnessGuardEvents.SharedRowsQuarantined), Level = LogLevel.Error,
        Message = "Policy {Policy}: {Rows} shared-state rows could not be read and were moved to fg_quarantine; all other rows are intact.")]
    public static partial void Quarantined(ILogger logger, string policy, int rows);

    [LoggerMessage(EventId = FairnessGuardEvents.LabelEscaped, EventName = nameof(FairnessGuardEvents.LabelEscaped), Level = LogLevel.Warning,
        Message = "Policy {Policy}, replica {Replica}: group label {Label} holds characters PostgreSQL text cannot store (NUL or a lone surrogate); it is replicated escaped as shown (the group's identity is its key bytes, unchanged).")]
    public static partial void LabelEscaped(ILogger logger, string policy, string replica, string label);

    [LoggerMessage(EventId = FairnessGuardEvents.DeltaBytesDropped, EventName = nameof(FairnessGuardEvents.DeltaBytesDropped), Level = LogLevel.Warning,
        Message = "Policy {Policy}, replica {Replica}: delta buffer over {Capacity} bytes; {Dropped} deltas dropped so far, oldest first. Their samples stay out of the shared state.")]
    public static partial void BytesDropped(ILogger logger, string policy, string replica, long capacity, long dropped);
}
