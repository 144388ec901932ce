namespace FairnessGuard.Telemetry;

/// <summary>
/// Every <c>ILogger</c> event id FairnessGuard logs, in one place (documented in docs/telemetry.md). Ids are
/// stable: dashboards and alerts may key on them. The constant's name is the event's name.
/// </summary>
public static class FairnessGuardEvents
{
    /// <summary>A group is below <c>WarmUp</c> (once per group).</summary>
    public const int WarmingUp = 1000;

    /// <summary>Correction starts.</summary>
    public const int CorrectionActive = 1001;

    /// <summary>More than <c>MaxGroups</c> keys: later keys share the overflow group (once).</summary>
    public const int GroupCapReached = 1002;

    /// <summary>The lower bound of the returned KS gap exceeds the tolerance (rate-limited).</summary>
    public const int ParityViolation = 1003;

    /// <summary>A violation sink threw or its task faulted.</summary>
    public const int SinkFailed = 1004;

    /// <summary>A map rebuild failed; the previous map stays.</summary>
    public const int RebuildFailed = 1005;

    /// <summary>The guard failed on a call and returned the raw output.</summary>
    public const int GuardFault = 1006;

    /// <summary>A map was built.</summary>
    public const int MapRebuilt = 1007;

    /// <summary>NaN or infinite outputs were seen.</summary>
    public const int NonFiniteOutputs = 1008;

    /// <summary>Outputs with a null group appeared (once).</summary>
    public const int UnknownGroup = 1009;

    /// <summary>A violation is resolved: the returned gap's lower bound is back within tolerance.</summary>
    public const int ParityRestored = 1010;

    /// <summary>A group's recent raw outputs drifted; its estimate restarted.</summary>
    public const int DriftDetected = 1011;

    /// <summary>The guard was primed with calibration outputs.</summary>
    public const int Primed = 1012;

    /// <summary>Durable state: a snapshot was restored.</summary>
    public const int SnapshotRestored = 1100;

    /// <summary>Durable state: a snapshot taken under incompatible options was kept untouched.</summary>
    public const int SnapshotIncompatible = 1101;

    /// <summary>Durable state: an unreadable snapshot was quarantined.</summary>
    public const int SnapshotQuarantined = 1102;

    /// <summary>Durable state: a snapshot was saved.</summary>
    public const int SnapshotSaved = 1103;

    /// <summary>Durable state: the state store failed; the guard serves from memory.</summary>
    public const int StateStoreFailed = 1104;

    /// <summary>Replication: the shared state is unreachable; deltas are buffered.</summary>
    public const int ReplicaOffline = 1110;

    /// <summary>Replication: the replica is in sync with the shared state.</summary>
    public const int ReplicaResynced = 1111;

    /// <summary>Replication: the delta buffer is full (count); oldest deltas dropped.</summary>
    public const int DeltasDropped = 1112;

    /// <summary>Replication: unreadable shared-state rows were quarantined.</summary>
    public const int SharedRowsQuarantined = 1113;

    /// <summary>Replication: a group label was escaped for PostgreSQL text.</summary>
    public const int LabelEscaped = 1114;

    /// <summary>Replication: the delta buffer is over its byte budget; oldest deltas dropped.</summary>
    public const int DeltaBytesDropped = 1115;

    /// <summary>Registry: the options were reloaded and the affected guards rebuilt.</summary>
    public const int RegistryReloaded = 1120;

    /// <summary>Registry: a guard was rebuilt under new options with its state carried over.</summary>
    public const int GuardRebuilt = 1121;

    /// <summary>Registry: a guard was rebuilt fresh under new options (its state shape changed).</summary>
    public const int GuardRebuiltFresh = 1122;

    /// <summary>Registry: a reload was rejected (invalid options); the guards keep their options.</summary>
    public const int ReloadRejected = 1123;
}
