namespace FairnessGuard.Guard;

/// <summary>Entry points for <see cref="ParityGuard{TGroup}"/> and classification helpers.</summary>
public static class ParityGuard
{
    /// <summary>Creates a guard for groups of type <typeparamref name="TGroup"/>.</summary>
    /// <typeparam name="TGroup">The group key type.</typeparam>
    /// <param name="configure">Sets the options; defaults when null.</param>
    /// <returns>The guard.</returns>
    public static ParityGuard<TGroup> Create<TGroup>(Action<ParityGuardOptions>? configure = null)
        where TGroup : notnull
    {
        var options = new ParityGuardOptions();
        configure?.Invoke(options);
        return new ParityGuard<TGroup>(options);
    }

    /// <summary>The decision for an already corrected score: selected when it is at or above <paramref name="threshold"/>.</summary>
    /// <param name="correctedScore">The corrected score.</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns>Whether the score is selected.</returns>
    public static bool Decide(double correctedScore, double threshold) => correctedScore >= threshold;
}
