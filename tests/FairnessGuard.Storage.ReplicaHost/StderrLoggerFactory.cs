using Microsoft.Extensions.Logging;

namespace FairnessGuard.Storage.ReplicaHost;

/// <summary>Writes errors to stderr, so a failing replica says why in the test output.</summary>
public sealed class StderrLoggerFactory : ILoggerFactory, ILogger
{
    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider)
    {
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => this;

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Console.Error.WriteLine($"[{logLevel} {eventId.Id}] {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception)}");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
