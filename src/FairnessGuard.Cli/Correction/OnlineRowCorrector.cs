using FairnessGuard.Guard;

namespace FairnessGuard.Cli.Correction;

/// <summary>
/// The runtime guard replayed over the file: each row goes through <see cref="ParityGuard{TGroup}.Apply(double, TGroup)"/>
/// in order, exactly as a service would have seen it. Rebuilds run inline and on sample counts only (no
/// clock), so a replay is deterministic for a seed. Memory is the guard's sketches: constant in the rows.
/// </summary>
internal sealed class OnlineRowCorrector : IRowCorrector
{
    private readonly ParityGuard<string> _guard;

    /// <summary>Creates the guard.</summary>
    public OnlineRowCorrector(double strength, ulong seed, int warmUp)
    {
        _guard = new ParityGuard<string>(new ParityGuardOptions
        {
            PolicyName = "fairness-guard-cli",
            BackgroundRebuild = false,
            RebuildInterval = null,
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
