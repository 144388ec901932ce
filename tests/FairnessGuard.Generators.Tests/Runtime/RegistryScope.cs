using FairnessGuard.Guard;
using FairnessGuard.Registry;

namespace FairnessGuard.Generators.Tests.Runtime;

/// <summary>Tests that replace <see cref="GuardRegistry.Default"/> run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DefaultRegistryCollection
{
    public const string Name = "GuardRegistry.Default";
}

/// <summary>
/// Installs a fresh registry as the default for one test, so the generated methods get new guards, and
/// disposes it afterwards. Maps are rebuilt only on demand, inline: replays are deterministic.
/// </summary>
internal sealed class RegistryScope : IDisposable
{
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
        GuardRegistry.Default = Registry;
    }

    public GuardRegistry Registry { get; }

    public ParityGuard<TGroup> Guard<TGroup>(string methodKey, int index = 0)
        where TGroup : notnull =>
        Registry.Find<TGroup>(methodKey, index) ?? throw new InvalidOperationException($"No guard for {methodKey}[{index}] yet.");

    public void Dispose() => Registry.Dispose();
}
