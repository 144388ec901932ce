using FairnessGuard.Registry;
using Microsoft.Extensions.Configuration;

namespace FairnessGuard.Generators.Tests.Runtime;

/// <summary>The registry without DI: attribute values, configuration overrides in order, validation at construction.</summary>
public sealed class RegistryTests
{
    private static readonly GuardPolicy Policy = new("Loans.LoanModel.Score", 1, "Sex") { Strength = 0.9, Tolerance = 0.02, WarmUp = 300 };

    [Fact]
    public void OptionsLayerAttributeThenMethodThenPolicyThenCode()
    {
        var options = new FairnessGuardOptions { ConfigurePolicy = (_, o) => o.Knots = 64 }.LoadConfiguration(Configuration(new()
        {
            ["FairnessGuard:Policies:Loans.LoanModel.Score:Strength"] = "0.5",
            ["FairnessGuard:Policies:Loans.LoanModel.Score:Knots"] = "128",
            ["FairnessGuard:Policies:Loans.LoanModel.Score:sex:Strength"] = "0.25",
            ["FairnessGuard:Policies:Loans.LoanModel.Score:Race:Strength"] = "0.75",
        }));
        using var registry = new GuardRegistry(options);

        var built = registry.BuildOptions(Policy);

        Assert.Equal(0.25, built.Strength);
        Assert.Equal(0.02, built.Tolerance);
        Assert.Equal(300, built.WarmUp);
        Assert.Equal(64, built.Knots);
        Assert.Equal("demographic-parity:Sex", built.PolicyName);
        Assert.Equal("Loans.LoanModel.Score", built.MethodName);
    }

    [Fact]
    public void InvalidConfigurationFailsTheRegistryNamingKeyAndOption()
    {
        var options = new FairnessGuardOptions().LoadConfiguration(Configuration(new()
        {
            ["FairnessGuard:Policies:Loans.LoanModel.Score:Confidence"] = "1.5",
            ["FairnessGuard:Policies:Loans.LoanModel.Score:RebuildInterval"] = "soon",
        }));

        var error = Assert.Throws<ArgumentException>(() => new GuardRegistry(options));

        Assert.Contains("FairnessGuard:Policies:Loans.LoanModel.Score:Confidence: ParityGuardOptions.Confidence must be in (0, 1) (got 1.5)", error.Message, StringComparison.Ordinal);
        Assert.Contains("FairnessGuard:Policies:Loans.LoanModel.Score:RebuildInterval: 'soon' is not a valid value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneGuardPerMethodPolicyAndGroupType()
    {
        using var registry = new GuardRegistry();

        var first = registry.GetOrCreate<string>(Policy);
        var again = registry.GetOrCreate<string>(new GuardPolicy(Policy.MethodKey, Policy.Index, Policy.SensitiveMember));
        var otherType = registry.GetOrCreate<int>(Policy);

        Assert.Same(first, again);
        Assert.NotSame((object)first, otherType);
        Assert.Equal(2, registry.Guards.Count);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
