using FairnessGuard.Guard;

namespace FairnessGuard.Storage.ReplicaHost;

/// <summary>The guard options every replica of the tests uses (one shape; only the seed differs).</summary>
public static class ReplicaOptions
{
    /// <summary>Options for a policy; jitter off so the union process sees exactly the same values.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="seed">This replica's seed (distinct per replica: merged sketches need independent coins).</param>
    /// <returns>The options.</returns>
    public static ParityGuardOptions For(string policy, ulong seed) => new()
    {
        PolicyName = policy,
        Seed = seed,
        TieJitter = 0,
        BackgroundRebuild = false,
        RebuildInterval = null,
        RebuildEvery = 2048,
        LoggerFactory = new StderrLoggerFactory(),
    };
}
