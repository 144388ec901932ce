using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace FairnessGuard.Cli.Audit;

/// <summary>
/// Hands the sketched audit's (group, score) pairs from the reading thread to a second thread that updates the
/// sketches, in batches of 16,384 rows, so parsing and sketching run on two cores. The sketches see the
/// same values in the same order as in one thread (one consumer, batches in order): the result is identical.
/// At most <see cref="InFlight"/> batches are held, so memory stays constant.
/// </summary>
internal sealed class SketchFeed : IDisposable
{
    private const int BatchLength = 1 << 14;
    private const int InFlight = 4;

    private readonly SketchState _state;
    private readonly BlockingCollection<Batch> _full = new(InFlight);
    private readonly BlockingCollection<Batch> _free = new(InFlight + 1);
    private readonly Thread _consumer;
    private Batch _current = new();
    private ExceptionDispatchInfo? _failure;
    private bool _completed;

    /// <summary>Starts the consumer thread.</summary>
    public SketchFeed(SketchState state)
    {
        _state = state;
        for (var b = 0; b < InFlight; b++)
        {
            _free.Add(new Batch());
        }

        _consumer = new Thread(Consume) { IsBackground = true, Name = "fairness-guard sketches" };
        _consumer.Start();
    }

    /// <summary>Queues one finite score of a group.</summary>
    public void Add(SketchState.GroupState group, double score)
    {
        var batch = _current;
        batch.Groups[batch.Count] = group;
        batch.Scores[batch.Count++] = score;
        if (batch.Count == BatchLength)
        {
            Hand();
        }
    }

    /// <summary>Waits until every queued score is in its sketch; rethrows a failure of the consumer.</summary>
    public void Complete()
    {
        if (_current.Count > 0)
        {
            Hand();
        }

        Stop();
        _failure?.Throw();
    }

    /// <summary>Stops the consumer (after a failure of the reader, the queued scores are dropped).</summary>
    public void Dispose()
    {
        Stop();
        _full.Dispose();
        _free.Dispose();
    }

    private void Hand()
    {
        if (_failure is not null)
        {
            _failure.Throw();
        }

        _full.Add(_current);
        _current = _free.Take();
    }

    private void Stop()
    {
        if (!_completed)
        {
            _completed = true;
            _full.CompleteAdding();
            _consumer.Join();
        }
    }

    private void Consume()
    {
        try
        {
            foreach (var batch in _full.GetConsumingEnumerable())
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    _state.Add(batch.Groups[i], batch.Scores[i]);
                }

                batch.Count = 0;
                _free.Add(batch);
            }
        }
        catch (Exception ex)
        {
            _failure = ExceptionDispatchInfo.Capture(ex);

            // Keep taking batches so the reader is never blocked on a full queue.
            foreach (var batch in _full.GetConsumingEnumerable())
            {
                batch.Count = 0;
                _free.Add(batch);
            }
        }
    }

    private sealed class Batch
    {
        public SketchState.GroupState[] Groups { get; } = new SketchState.GroupState[BatchLength];

        public double[] Scores { get; } = new double[BatchLength];

        public int Count { get; set; }
    }
}
