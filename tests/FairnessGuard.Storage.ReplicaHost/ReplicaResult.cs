namespace FairnessGuard.Storage.ReplicaHost;

/// <summary>What a replica reports after its final sync: its maps and shared counts.</summary>
/// <param name="Replica">The replica id.</param>
/// <param name="Groups">Per group: label, shared sample count, knots and targets of its map.</param>
/// <param name="RawKs">The raw KS unfairness over the shared state.</param>
/// <param name="ReturnedKs">The returned KS unfairness over the shared state.</param>
/// <param name="Dropped">Deltas dropped by the buffer.</param>
public sealed record ReplicaResult(string Replica, List<GroupMap> Groups, double RawKs, double ReturnedKs, long Dropped);

/// <summary>One group's map.</summary>
/// <param name="Group">The label.</param>
/// <param name="Samples">Samples in the shared state.</param>
/// <param name="Knots">The map's knots.</param>
/// <param name="Targets">The barycenter at the same ranks.</param>
/// <param name="RankError">The raw sketch's a-posteriori rank-error bound over all its values at 99.9 %.</param>
public sealed record GroupMap(string Group, long Samples, double[] Knots, double[] Targets, double RankError);
