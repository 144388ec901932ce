using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace FairnessGuard.TestKit;

/// <summary>For the tests: log assertions over <see cref="FakeLogCollector"/> (Microsoft.Extensions.Diagnostics.Testing).</summary>
public static class FakeLogs
{
    /// <summary>A logger factory whose loggers, of every level, write to <paramref name="collector"/>.</summary>
    /// <param name="collector">The collector.</param>
    /// <returns>The factory.</returns>
    public static ILoggerFactory Factory(this FakeLogCollector collector) =>
        LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));

    /// <summary>The records with event id <paramref name="id"/> (see FairnessGuardEvents).</summary>
    /// <param name="collector">The collector.</param>
    /// <param name="id">The event id.</param>
    /// <returns>The records, oldest first.</returns>
    public static IReadOnlyList<FakeLogRecord> OfId(this FakeLogCollector collector, int id) => [.. collector.GetSnapshot().Where(e => e.Id.Id == id)];

    /// <summary>How many records have event id <paramref name="id"/>.</summary>
    /// <param name="collector">The collector.</param>
    /// <param name="id">The event id.</param>
    /// <returns>The count.</returns>
    public static int Count(this FakeLogCollector collector, int id) => collector.OfId(id).Count;
}
