using FairnessGuard.Guard;
using FairnessGuard.Registry;

namespace FairnessGuard.Generators.Tests.Runtime;

/// <summary>
/// Makes a fresh registry <see cref="GuardRegistry.Current"/> for one test's async flow
/// (<see cref="GuardRegistry.Scope"/>), so the generated methods get new guards while tests run in parallel,
/// and disposes it afterwards. Maps are rebuilt only on demand, inline: replays are deterministic.
/// </summary>
internal sealed class RegistryScope : IDisposable
{
    private readonly IDisposable _scope;

    public RegistryScope(Action<ParityGuardOptions>? configure = null)
    {
        Registry = new GuardRegistry(new FairnessGuardOptions
        {
            ConfigurePolicy = (_, options) =>
            {
                options.BackgroundRebuild = false;
                options.RebuildEvery = int.MaxValue;
                options.RebuildInterval = null;
                configure?.Invoke(options);
            },
        });
        _scope = GuardRegistry.Scope(Registry);
    }

    public GuardRegistry Registry { get; }

    public ParityGuard<TGroup> Guard<TGroup>(string methodKey, int index = 0)
        where TGroup : notnull =>
        Registry.Find<TGroup>(methodKey, index) ?? throw new InvalidOperationException($"No guard for {methodKey}[{index}] yet.");

    public void Dispose()
    {
        _scope.Dispose();
        Registry.Dispose();
    }
}
