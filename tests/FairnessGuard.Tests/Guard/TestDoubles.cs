using FairnessGuard.Guard;
using FairnessGuard.Monitoring;

namespace FairnessGuard.Tests.Guard;

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
