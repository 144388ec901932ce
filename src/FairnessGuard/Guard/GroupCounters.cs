namespace FairnessGuard.Guard;

/// <summary>A group's counters summed over its stripes (the last two are not persisted in snapshots).</summary>
internal readonly record struct GroupCounters(long Predictions, long Corrections, long WarmUpPassThroughs, long MonitorPassThroughs, long NonFinite, long Changed = 0, long NoHarmPassThroughs = 0);
