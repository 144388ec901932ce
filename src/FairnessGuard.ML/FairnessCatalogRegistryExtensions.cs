using FairnessGuard.Registry;
using Microsoft.ML;

namespace FairnessGuard.ML;

/// <summary>Guarded prediction engines whose guard is a hand-made guard of the application's registry.</summary>
public static class FairnessCatalogRegistryExtensions
{
    /// <summary>
    /// Creates a prediction engine for <paramref name="model"/> guarded by the registry's hand-made guard
    /// <paramref name="guardName"/> (<c>AddFairnessGuard().AddGuard&lt;TGroup&gt;(guardName, …)</c>), which is then
    /// restored, snapshotted and replicated with every other guard of the registry.
    /// </summary>
    /// <typeparam name="TSrc">The input type.</typeparam>
    /// <typeparam name="TDst">The prediction type.</typeparam>
    /// <typeparam name="TGroup">The group key the guard was added with.</typeparam>
    /// <param name="catalog">The fairness catalog.</param>
    /// <param name="registry">The registry (from DI, or <see cref="GuardRegistry.Current"/>).</param>
    /// <param name="guardName">The guard's name in the registry.</param>
    /// <param name="model">The trained model.</param>
    /// <param name="groupSelector">The group of an input (null or a throw: unknown group).</param>
    /// <param name="getScore">Reads the score of a prediction.</param>
    /// <param name="setScore">Writes the corrected score.</param>
    /// <returns>The guarded engine.</returns>
    /// <exception cref="InvalidOperationException">No guard of that name and group type was added.</exception>
    public static GuardedPredictionEngine<TSrc, TDst, TGroup> CreateGuardedPredictionEngine<TSrc, TDst, TGroup>(
        this FairnessCatalog catalog,
        GuardRegistry registry,
        string guardName,
        ITransformer model,
        Func<TSrc, TGroup?> groupSelector,
        Func<TDst, float> getScore,
        Action<TDst, float> setScore)
        where TSrc : class
        where TDst : class, new()
        where TGroup : notnull
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(registry);
        return catalog.CreateGuardedPredictionEngine(model, groupSelector, getScore, setScore, registry.GetOrCreate<TGroup>(guardName));
    }
}
