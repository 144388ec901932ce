using FairnessGuard.Guard;
using Microsoft.ML;

namespace FairnessGuard.ML;

/// <summary>
/// A <see cref="PredictionEngine{TSrc, TDst}"/> whose score goes through a <see cref="ParityGuard{TGroup}"/>
/// keyed by a selector on the input: the guard learns the groups' score distributions online and corrects each
/// prediction, with the guard's own telemetry (the same as a generated guard's when it comes from the registry).
/// Like the engine it wraps, one instance serves one thread at a time.
/// </summary>
/// <typeparam name="TSrc">The input type.</typeparam>
/// <typeparam name="TDst">The prediction type.</typeparam>
/// <typeparam name="TGroup">The group key.</typeparam>
public sealed class GuardedPredictionEngine<TSrc, TDst, TGroup> : IDisposable
    where TSrc : class
    where TDst : class, new()
    where TGroup : notnull
{
    private readonly Func<TSrc, TGroup?> _group;
    private readonly Func<TDst, float> _getScore;
    private readonly Action<TDst, float> _setScore;
    private long _selectorFaults;

    internal GuardedPredictionEngine(PredictionEngine<TSrc, TDst> engine, ParityGuard<TGroup> guard, Func<TSrc, TGroup?> group, Func<TDst, float> getScore, Action<TDst, float> setScore)
    {
        Engine = engine;
        Guard = guard;
        _group = group;
        _getScore = getScore;
        _setScore = setScore;
    }

    /// <summary>The wrapped engine.</summary>
    public PredictionEngine<TSrc, TDst> Engine { get; }

    /// <summary>The guard every score goes through.</summary>
    public ParityGuard<TGroup> Guard { get; }

    /// <summary>Predictions whose group selector threw; they were guarded as an unknown group.</summary>
    public long SelectorFaults => Interlocked.Read(ref _selectorFaults);

    /// <summary>Predicts, then replaces the score by the guard's corrected score.</summary>
    /// <param name="example">The input.</param>
    /// <returns>The prediction with its score corrected.</returns>
    public TDst Predict(TSrc example)
    {
        var prediction = Engine.Predict(example);
        TGroup? group;
        try
        {
            group = _group(example);
        }
#pragma warning disable CA1031 // The guard must not break the prediction: a failing selector means an unknown group.
        catch (Exception)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _selectorFaults);
            group = default;
        }

        _setScore(prediction, (float)Guard.Apply(_getScore(prediction), group));
        return prediction;
    }

    /// <summary>Disposes the engine (the guard belongs to whoever created it).</summary>
    public void Dispose() => Engine.Dispose();
}
