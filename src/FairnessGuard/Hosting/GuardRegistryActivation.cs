using FairnessGuard.Registry;
using Microsoft.Extensions.Hosting;

namespace FairnessGuard.Hosting;

/// <summary>
/// Resolving this hosted service resolves the registry, which makes it the default one before the app
/// serves its first prediction.
/// </summary>
internal sealed class GuardRegistryActivation : IHostedService
{
    public GuardRegistryActivation(GuardRegistry registry)
    {
        Registry = registry;
    }

    public GuardRegistry Registry { get; }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
