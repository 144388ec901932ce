using FairnessGuard.Guard;
using FairnessGuard.Registry;
using Microsoft.ML;

namespace FairnessGuard.ML;

/// <content>Online guarding of a prediction engine.</content>
public sealed partial class FairnessCatalog
{
    /// <summary>
    /// Creates a prediction engine for <paramref name="model"/> whose score goes through a parity guard keyed by
    /// <paramref name="groupSelector"/>. Without <paramref name="guard"/> the guard comes from
    /// <see cref="GuardRegistry.Current"/> under <paramref name="methodKey"/>, configured and reported like a
    /// generated guard (FairnessGuard:Policies:&lt;methodKey&gt;).
    /// </summary>
    /// <typeparam name="TSrc">The input type.</typeparam>
    /// <typeparam name="TDst">The prediction type.</typeparam>
    /// <typeparam name="TGroup">The group key.</typeparam>
    /// <param name="model">The trained model.</param>
    /// <param name="groupSelector">The group of an input (null or a throw: unknown group).</param>
    /// <param name="getScore">Reads the score of a prediction.</param>
    /// <param name="setScore">Writes the corrected score.</param>
    /// <param name="guard">The guard to use; from the default registry when null.</param>
    /// <param name="methodKey">The registry key; "&lt;TSrc&gt;.Predict" when null.</param>
    /// <returns>The guarded engine.</returns>
    public GuardedPredictionEngine<TSrc, TDst, TGroup> CreateGuardedPredictionEngine<TSrc, TDst, TGroup>(
        ITransformer model,
        Func<TSrc, TGroup?> groupSelector,
        Func<TDst, float> getScore,
        Action<TDst, float> setScore,
        ParityGuard<TGroup>? guard = null,
        string? methodKey = null)
        where TSrc : class
        where TDst : class, new()
        where TGroup : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(groupSelector);
        ArgumentNullException.ThrowIfNull(getScore);
        ArgumentNullException.ThrowIfNull(setScore);
        guard ??= GuardRegistry.Current.GetOrCreate<TGroup>(new GuardPolicy(methodKey ?? $"{typeof(TSrc).FullName}.Predict", 0, "group"));
        return new GuardedPredictionEngine<TSrc, TDst, TGroup>(_context.Model.CreatePredictionEngine<TSrc, TDst>(model), guard, groupSelector, getScore, setScore);
    }
}
