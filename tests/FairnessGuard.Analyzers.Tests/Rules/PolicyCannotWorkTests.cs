using Microsoft.CodeAnalysis;
using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>FG0003: policies naming members the inputs do not have, or on methods that return no score.</summary>
public class PolicyCannotWorkTests
{
    private const string Applicant = """
        public sealed class Applicant
        {
            public double Income { get; init; }
            public string Race { get; init; } = "";
            public Address Home { get; init; } = new();
        }

        public sealed class Address { public string Country { get; init; } = ""; }

        public sealed class Prediction { public float Probability { get; set; } public bool Label { get; set; } }
        """;

    [Fact]
    public async Task UnknownMemberAndNonScoreReturnTypesAreErrors()
    {
        var diagnostics = await new TestProject().Expecting(RuleIdentifiers.PolicyCannotWork).WithSource(Applicant).WithSource("""
            using FairnessGuard;

            public class Policies
            {
                [DemographicParity([|"Ethnicity"|])]
                public double Typo(Applicant a) => a.Income;

                [[|DemographicParity(nameof(Applicant.Race))|]]
                public bool Decide(Applicant a) => a.Income > 10;

                [[|DemographicParity(nameof(Applicant.Race))|]]
                public void Nothing(Applicant a) { }

                [[|DemographicParity(nameof(Applicant.Race))|]]
                public int Count(Applicant a) => 1;

                [[|DemographicParity(nameof(Applicant.Race))|]]
                public System.Threading.Tasks.Task Later(Applicant a) => System.Threading.Tasks.Task.CompletedTask;
            }

            [DemographicParity([|"Gender"|])]
            public class Scorer
            {
                public double Score(Applicant a) => a.Income;
            }
            """).VerifyAsync();

        Assert.Contains(diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "Output policy [DemographicParity] names 'Ethnicity', which the inputs of 'Typo' do not have");
        Assert.Contains(diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "Output policy [DemographicParity] is on 'Decide', whose return type 'bool' is not a score the guard can correct");
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public async Task ValidPoliciesAndOpaqueInputsAreSilent()
    {
        await new TestProject().WithSource(Applicant).WithSource("""
            using FairnessGuard;
            using System.Threading.Tasks;

            public class Policies
            {
                [DemographicParity(nameof(Applicant.Race))] public double Member(Applicant a) => a.Income;
                [DemographicParity("race")] public float Parameter(double income, string race) => (float)income;
                [DemographicParity(nameof(Address.Country))] public decimal Nested(Applicant a) => 1m;
                [DemographicParity(nameof(Applicant.Race))] public Task<double> Async(Applicant a) => Task.FromResult(a.Income);
                [DemographicParity(nameof(Applicant.Race))] public double[] Batch(Applicant[] batch) => new double[batch.Length];
                [DemographicParity(nameof(Applicant.Race))] public Prediction Object(IReadOnlyList<Applicant> a) => new();
                [DemographicParity(nameof(Applicant.Race))] public double? Maybe(Applicant a) => null;
                [DemographicParity("Gender")] public double Dictionary(IDictionary<string, object> row) => 0;
                [DemographicParity("Gender")] public double Generic<T>(T row) => 0;
            }
            """).VerifyAsync();
    }
}
