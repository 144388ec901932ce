using FairnessGuard.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace FairnessGuard.Hosting;

/// <summary>Tells <see cref="IOptionsMonitor{TOptions}"/> that <see cref="FairnessGuardOptions"/> change when configuration reloads.</summary>
internal sealed class ConfigurationChangeSource(IConfiguration? configuration) : IOptionsChangeTokenSource<FairnessGuardOptions>
{
    public string Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => configuration?.GetReloadToken() ?? new CancellationChangeToken(CancellationToken.None);
}
