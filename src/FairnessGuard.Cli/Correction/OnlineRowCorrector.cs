using FairnessGuard.Guard;

namespace FairnessGuard.Cli.Correction;

/// <summary>
/// The runtime guard replayed over the file: each row goes through <see cref="ParityGuard{TGroup}.Apply(double, TGroup)"/>
/// in order, exactly as a service would have seen it. Rebuilds run inline and on sample counts only (no
/// clock), so a replay is deterministic for a seed. Memory is the guard's sketches: constant in the rows.
/// Past the guard's geometric phase (a group's count growing by <see cref="ParityGuardOptions.RebuildGrowth"/>, up to
/// 65,536 samples each) the map is rebuilt every 16,384 samples rather than the service default 1,024: a service
/// rebuilds in the background, a replay inline, where 10⁴ rebuilds on 10M rows were two-thirds of the time. Between
/// two rebuilds the M new samples move any group's empirical CDF by at most M/N in rank (N samples so far), here
/// ≤ 16,384/262,144 ≈ 6 % at the end of the geometric phase with 4 groups and 0.16 % at 10M rows; a drift restart
/// starts the group's geometric schedule again, so recovery does not wait for this trigger.
/// </summary>
internal sealed class OnlineRowCorrector : IRowCorrector
{
    /// <summary>Samples between rebuilds once the geometric phase is over (see the remarks above).</summary>
    internal const int ReplayRebuildEvery = 16_384;

    private readonly ParityGuard<string> _guard;

    /// <summary>Creates the guard.</summary>
    public OnlineRowCorrector(double strength, ulong seed, int warmUp)
    {
        _guard = new ParityGuard<string>(new ParityGuardOptions
        {
            PolicyName = "fairness-guard-cli",
            BackgroundRebuild = false,
            RebuildInterval = null,
            RebuildEvery = ReplayRebuildEvery,
            Strength = strength,
            Seed = seed,
            WarmUp = warmUp,
        });
    }

    /// <inheritdoc/>
    public string? Reject(string group) => null;

    /// <inheritdoc/>
    public double Correct(double score, string group, long rowIndex) => _guard.Apply(score, group);

    /// <inheritdoc/>
    public void Dispose() => _guard.Dispose();
}
