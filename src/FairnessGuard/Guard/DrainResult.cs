namespace FairnessGuard.Guard;

/// <summary>What a drain did: the group's true count afterwards (−1 when nothing was drained) and whether drift restarted it.</summary>
internal readonly record struct DrainResult(long Samples, bool Drifted);
