using FairnessGuard.Monitoring;
using FairnessGuard.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FairnessGuard.Generators.Tests.Runtime;

/// <summary><c>AddFairnessGuard</c>: configuration overrides reach the generated methods' guards, and bad values fail at start-up.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public void ConfigurationOverridesTheAttributeForTheGeneratedMethod()
    {
        var sink = new InMemoryViolationSink();
        using var provider = Build(
            new()
            {
                [$"FairnessGuard:Policies:{InstanceScorer.ScoreKey}:Strength"] = "0.25",
                [$"FairnessGuard:Policies:{InstanceScorer.ScoreKey}:Mode"] = "Monitor",
            },
            services => services.AddSingleton<IViolationSink>(sink));

        var registry = provider.UseFairnessGuard();
        new InstanceScorer().Score(new Applicant(1, Race.A, "F"));

        Assert.Same(registry, GuardRegistry.Default);
        var options = registry.Find<Race>(InstanceScorer.ScoreKey)!.Options;
        Assert.Equal(0.25, options.Strength);
        Assert.Equal(PolicyMode.Monitor, options.Mode);
        Assert.Equal(DemographicParityAttribute.DefaultTolerance, options.Tolerance);
        Assert.Same(sink, Assert.Single(options.Sinks));
        Assert.Same(NullLoggerFactory.Instance, options.LoggerFactory);
    }

    [Fact]
    public void PolicySubSectionOverridesOnlyThatPolicy()
    {
        using var provider = Build(new()
        {
            [$"FairnessGuard:Policies:{StaticScorers.ScoreTwiceKey}:WarmUp"] = "300",
            [$"FairnessGuard:Policies:{StaticScorers.ScoreTwiceKey}:Sex:WarmUp"] = "400",
            [$"FairnessGuard:Policies:{StaticScorers.ScoreTwiceKey}:Sex:Thresholds:0"] = "0.5",
        });

        var registry = provider.UseFairnessGuard();
        StaticScorers.ScoreTwice(new Applicant(1, Race.A, "F"));

        Assert.Equal(300, registry.Find<Race>(StaticScorers.ScoreTwiceKey, 0)!.Options.WarmUp);
        var sex = registry.Find<string>(StaticScorers.ScoreTwiceKey, 1)!.Options;
        Assert.Equal(400, sex.WarmUp);
        Assert.Equal([0.5], sex.Thresholds);
    }

    [Theory]
    [InlineData("Strength", "2", "FairnessGuard:Policies:{0}:Strength: ParityGuardOptions.Strength must be in [0, 1] (got 2)")]
    [InlineData("Knots", "1", "FairnessGuard:Policies:{0}:Knots: ParityGuardOptions.Knots must be in [2, 65536] (got 1)")]
    [InlineData("Tolerance", "high", "FairnessGuard:Policies:{0}:Tolerance: 'high' is not a valid value for ParityGuardOptions.Tolerance")]
    [InlineData("Strenght", "0.5", "FairnessGuard:Policies:{0}:Strenght: 'Strenght' is not a policy option")]
    public void InvalidOverrideFailsValidationNamingTheOption(string option, string value, string expected)
    {
        using var provider = Build(new() { [$"FairnessGuard:Policies:{InstanceScorer.ScoreKey}:{option}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.UseFairnessGuard());

        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, InstanceScorer.ScoreKey), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStartMakesTheRegistryTheDefault()
    {
        using var provider = Build([]);
        var before = GuardRegistry.Default;

        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        Assert.NotSame(before, GuardRegistry.Default);
        Assert.Same(provider.GetRequiredService<GuardRegistry>(), GuardRegistry.Default);
    }

    [Fact]
    public void DisposingTheDefaultRegistryFallsBackToAFreshOne()
    {
        var provider = Build([]);
        var registry = provider.UseFairnessGuard();
        provider.Dispose();

        Assert.NotSame(registry, GuardRegistry.Default);
        Assert.Equal(1.0, GuardRegistry.Default.BuildOptions(new Registry.GuardPolicy("X.Y.Z", 0, "Race")).Strength);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        more?.Invoke(services);
        services.AddFairnessGuard(o => o.ConfigurePolicy = (_, p) => p.BackgroundRebuild = false);
        return services.BuildServiceProvider();
    }
}
