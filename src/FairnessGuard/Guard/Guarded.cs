using FairnessGuard.Registry;

namespace FairnessGuard.Guard;

/// <summary>Guards a model that carries no attribute: any <see cref="Func{T, TResult}"/>, such as an ML.NET <c>PredictionEngine</c> call.</summary>
public static class Guarded
{
    /// <summary>
    /// Wraps <paramref name="model"/> so every call's output goes through a new parity guard, keyed by the
    /// group <paramref name="groupOf"/> reads from the input.
    /// </summary>
    /// <typeparam name="TIn">The model's input.</typeparam>
    /// <typeparam name="TGroup">The group key type.</typeparam>
    /// <param name="model">The model, e.g. <c>x =&gt; engine.Predict(x).Score</c>.</param>
    /// <param name="groupOf">Reads the group from the input, e.g. <c>x =&gt; x.Race</c>.</param>
    /// <param name="options">The guard's options; defaults when null.</param>
    /// <returns>The guarded model: <see cref="GuardedModel{TIn, TGroup}.Function"/> is the delegate to call.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is invalid; the exception names it.</exception>
    public static GuardedModel<TIn, TGroup> Wrap<TIn, TGroup>(Func<TIn, double> model, Func<TIn, TGroup?> groupOf, ParityGuardOptions? options = null)
        where TGroup : notnull =>
        new(model, groupOf, new ParityGuard<TGroup>(options));

    /// <summary>Wraps <paramref name="model"/> with an existing <paramref name="guard"/> (shared by several models, or from a <see cref="GuardRegistry"/>).</summary>
    /// <typeparam name="TIn">The model's input.</typeparam>
    /// <typeparam name="TGroup">The group key type.</typeparam>
    /// <param name="model">The model.</param>
    /// <param name="groupOf">Reads the group from the input.</param>
    /// <param name="guard">The guard; not disposed by the wrapper.</param>
    /// <returns>The guarded delegate.</returns>
    public static Func<TIn, double> Wrap<TIn, TGroup>(Func<TIn, double> model, Func<TIn, TGroup?> groupOf, ParityGuard<TGroup> guard)
        where TGroup : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(groupOf);
        ArgumentNullException.ThrowIfNull(guard);
        return input => guard.Apply(model(input), groupOf(input));
    }
}
