using System.Collections.Concurrent;

namespace FairnessGuard.Monitoring;

/// <summary>Keeps violations in memory (tests, diagnostics pages). Thread-safe; holds at most <see cref="Capacity"/>, dropping the oldest.</summary>
public sealed class InMemoryViolationSink : IViolationSink
{
    private readonly ConcurrentQueue<ParityViolation> _items = new();

    /// <summary>Creates a sink that holds at most <paramref name="capacity"/> violations.</summary>
    /// <param name="capacity">Positive.</param>
    public InMemoryViolationSink(int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most violations kept.</summary>
    public int Capacity { get; }

    /// <summary>The violations held, oldest first.</summary>
    public IReadOnlyList<ParityViolation> Violations => [.. _items];

    /// <inheritdoc />
    public ValueTask WriteAsync(ParityViolation violation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(violation);
        _items.Enqueue(violation);
        while (_items.Count > Capacity && _items.TryDequeue(out _))
        {
        }

        return ValueTask.CompletedTask;
    }
}
