namespace FairnessGuard.Guard;

/// <summary>A model wrapped by <see cref="Guarded.Wrap{TIn, TGroup}(Func{TIn, double}, Func{TIn, TGroup}, ParityGuardOptions)"/>: its guarded delegate and its guard.</summary>
/// <typeparam name="TIn">The model's input.</typeparam>
/// <typeparam name="TGroup">The group key type.</typeparam>
public sealed class GuardedModel<TIn, TGroup> : IDisposable
    where TGroup : notnull
{
    private readonly Func<TIn, double> _model;
    private readonly Func<TIn, TGroup?> _groupOf;

    internal GuardedModel(Func<TIn, double> model, Func<TIn, TGroup?> groupOf, ParityGuard<TGroup> guard)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(groupOf);
        _model = model;
        _groupOf = groupOf;
        Guard = guard;
        Function = Predict;
    }

    /// <summary>The guard: its reports, snapshots and flags.</summary>
    public ParityGuard<TGroup> Guard { get; }

    /// <summary>The guarded model as a delegate, to hand to code that expects a <see cref="Func{T, TResult}"/>.</summary>
    public Func<TIn, double> Function { get; }

    /// <summary>Scores <paramref name="input"/> and returns the guarded output.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The corrected (or, in monitor mode or during warm-up, raw) output.</returns>
    public double Predict(TIn input) => Guard.Apply(_model(input), _groupOf(input));

    /// <summary>Disposes the guard.</summary>
    public void Dispose() => Guard.Dispose();
}
