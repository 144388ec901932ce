using System.Collections.Concurrent;
using FairnessGuard.Guard;
using FairnessGuard.Monitoring;
using Microsoft.Extensions.Logging;

namespace FairnessGuard.Tests.Guard;

/// <summary>Captures every log event of the loggers it creates.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<(int EventId, LogLevel Level, string Message)> Events { get; } = new();

    public IReadOnlyList<(int EventId, LogLevel Level, string Message)> OfId(int id) => [.. Events.Where(e => e.EventId == id)];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Events.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
    }
}

/// <summary>A clock that moves only when told to.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>A sink that fails synchronously or asynchronously.</summary>
internal sealed class FailingSink(bool asynchronously) : IViolationSink
{
    public int Calls;

    public ValueTask WriteAsync(ParityViolation violation, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        return asynchronously
            ? new ValueTask(Task.FromException(new IOException("disk full")))
            : throw new InvalidOperationException("sink broken");
    }
}

/// <summary>Seeded streams of outputs for guard tests.</summary>
internal static class GuardStreams
{
    /// <summary>Normal outputs whose mean depends on the group: group g has mean g.</summary>
    public static void Feed(ParityGuard<string> guard, string group, int count, double mean, int seed, List<double>? returned = null)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var y = mean + MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
            var r = guard.Apply(y, group);
            returned?.Add(r);
        }
    }

    /// <summary>Alternates group "a" ~ N(0, 1) and group "b" ~ N(1, 1), <paramref name="perGroup"/> each.</summary>
    public static void FeedInterleaved(ParityGuard<string> guard, int perGroup, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < perGroup; i++)
        {
            guard.Apply(MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1), "a");
            guard.Apply(MathNet.Numerics.Distributions.Normal.Sample(random, 1, 1), "b");
        }
    }

    /// <summary>Inline rebuilds by count only; sinks are set here because a built guard's options are frozen.</summary>
    public static ParityGuardOptions Deterministic(Action<ParityGuardOptions>? configure = null, IEnumerable<IViolationSink>? sinks = null)
    {
        var options = new ParityGuardOptions { BackgroundRebuild = false, RebuildInterval = null, WarmUp = 100, RebuildEvery = 256 };
        configure?.Invoke(options);
        foreach (var sink in sinks ?? [])
        {
            options.Sinks.Add(sink);
        }

        return options;
    }
}
