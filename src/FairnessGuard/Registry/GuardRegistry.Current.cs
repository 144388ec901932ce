namespace FairnessGuard.Registry;

/// <content>Which registry generated code uses: a default that DI sets once, and scopes (for tests) that override it on one async flow.</content>
public sealed partial class GuardRegistry
{
    private static readonly AsyncLocal<GuardRegistry?> Scoped = new();
    private static GuardRegistry? _default;

    // Set by the first Scope call: until then (in production, always) Current skips the async-local lookup.
    private static volatile bool _scopesUsed;

    /// <summary>
    /// The process-wide registry: set once by <c>AddFairnessGuard</c> when the host starts (or the registry is first
    /// resolved); without DI, a registry with default settings. Tests should not replace it: use <see cref="Scope"/>.
    /// </summary>
    public static GuardRegistry Default
    {
        get => Volatile.Read(ref _default) ?? CreateDefault();
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Volatile.Write(ref _default, value);
        }
    }

    /// <summary>The registry generated code resolves from: the innermost <see cref="Scope"/> on this async flow, else <see cref="Default"/>.</summary>
    public static GuardRegistry Current => _scopesUsed ? Scoped.Value ?? Default : Default;

    /// <summary>
    /// Makes <paramref name="registry"/> the <see cref="Current"/> one for this async flow (this call's thread and
    /// every task it starts) until the returned handle is disposed; other flows, such as tests running in parallel,
    /// keep theirs. Scopes nest.
    /// </summary>
    /// <param name="registry">The registry.</param>
    /// <returns>Restores the previous scope when disposed.</returns>
    public static IDisposable Scope(GuardRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _scopesUsed = true;
        var previous = Scoped.Value;
        Scoped.Value = registry;
        return new ScopeHandle(previous);
    }

    private static GuardRegistry CreateDefault()
    {
        Interlocked.CompareExchange(ref _default, new GuardRegistry(), null);
        return Volatile.Read(ref _default)!;
    }

    private static void ReleaseDefault(GuardRegistry registry) => Interlocked.CompareExchange(ref _default, null, registry);

    private sealed class ScopeHandle(GuardRegistry? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Scoped.Value = previous;
            }
        }
    }
}
