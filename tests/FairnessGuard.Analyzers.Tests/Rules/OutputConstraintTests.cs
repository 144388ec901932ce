using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>An output policy anywhere it covers the model (method, type, base type, assembly, elsewhere naming the member) or a ParityGuard silences FG0001, FG0002 and FG0004.</summary>
public class OutputConstraintTests
{
    private const string Applicant = """
        public sealed class Applicant
        {
            public double Income { get; init; }
            public double Debt { get; init; }
            public string Gender { get; init; } = "";
            public string ZipCode { get; init; } = "";
        }

        public interface IRiskModel { double Predict(double[] features); }
        """;

    private static string Scorer(string attributeOnMethod, string attributeOnType = "", string baseType = "") => $$"""
        using FairnessGuard;

        {{attributeOnType}}
        public class Scorer(IRiskModel model) {{baseType}}
        {
            {{attributeOnMethod}}
            public double Score(Applicant a) => model.Predict(new[] { a.Income, a.Debt, a.ZipCode.Length });
        }
        """;

    [Fact]
    public async Task WithoutAPolicyAllThreeRulesReport()
    {
        await new TestProject().EnableRule(RuleIdentifiers.SensitiveAttributeUsed).WithSource(Applicant).WithSource("""
            public class Scorer(IRiskModel model)
            {
                public double Score(Applicant a) => model.Predict([|new[] { a.Income, a.Debt, {|FG0002:a.ZipCode|}.Length }|]);

                public double Direct(Applicant a) => model.Predict(new[] { a.Income, a.Debt, {|FG0004:a.Gender|}.Length });
            }
            """).VerifyAsync();
    }

    [Theory]
    [InlineData("[DemographicParity(nameof(Applicant.Gender))]", "", "")]
    [InlineData("", "[DemographicParity(\"Gender\", Mode = PolicyMode.Monitor)]", "")]
    [InlineData("", "", ": GuardedBase")]
    public async Task PolicyOnTheMethodTypeOrBaseTypeSilences(string onMethod, string onType, string baseType)
    {
        await new TestProject().EnableRule(RuleIdentifiers.SensitiveAttributeUsed).WithSource(Applicant)
            .WithSource("""
                using FairnessGuard;

                [DemographicParity(nameof(Applicant.ZipCode))]
                public abstract class GuardedBase
                {
                    public virtual double Score(Applicant a, double weight) => weight;
                }
                """)
            .WithSource(Scorer(onMethod, onType, baseType))
            .VerifyAsync();
    }

    [Fact]
    public async Task PolicyOnAnUnrelatedTypeForAnotherMemberDoesNotSilence()
    {
        await new TestProject().WithSource(Applicant).WithSource("""
            using FairnessGuard;

            [DemographicParity(nameof(Applicant.ZipCode))]
            public class Other { public double Rate(Applicant a) => a.Income; }

            public class Scorer(IRiskModel model)
            {
                public double Score(Applicant a) => model.Predict([|new[] { a.Income, a.Debt }|]);
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task PolicyOnTheAssemblySilences()
    {
        await new TestProject().WithSource(Applicant).WithSource(Scorer("")).WithSource("""
            [assembly: FleetPolicy("ZipCode")]

            /// <summary>A house policy derived from the base class, allowed on assemblies.</summary>
            [AttributeUsage(AttributeTargets.Assembly)]
            public sealed class FleetPolicyAttribute(string member) : FairnessGuard.FairnessConstraintAttribute(member);
            """).VerifyAsync();
    }

    [Fact]
    public async Task PolicyOnThePredictionMethodElsewhereNamingTheMemberSilencesTheTrainingCode()
    {
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using FairnessGuard;
            using Microsoft.ML;

            public static class LoanTrainer
            {
                public static ITransformer Train(MLContext ml, string path) =>
                    ml.Transforms.Concatenate("Features", "Income", "Debt", "Years")
                        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression())
                        .Fit(ml.Data.LoadFromTextFile<LoanInput>(path, ','));
            }

            public sealed class LoanScorer(PredictionEngine<LoanInput, LoanScore> engine)
            {
                [DemographicParity(nameof(LoanInput.Gender))]
                public float Score(LoanInput input) => engine.Predict(input).Score;
            }
            """).VerifyAsync();
    }

    [Theory]
    [InlineData("using Fair = FairnessGuard.DemographicParityAttribute;", "[Fair(nameof(Applicant.Gender))]")]
    [InlineData("public sealed class EqualOpportunityAttribute(string member) : FairnessGuard.FairnessConstraintAttribute(member);", "[EqualOpportunity(nameof(Applicant.Gender))]")]
    [InlineData("", "[FairnessGuard.DemographicParityAttribute(\"Gender\")]")]
    public async Task APolicyElsewhereIsFoundWhateverItIsCalled(string declaration, string attribute)
    {
        // The project-wide index first searches the source text for the policy types' names; an alias, a
        // policy type declared in source and the full name with its suffix must all lead to the index.
        await new TestProject().WithSource(Applicant).WithSource("""
            public class Scorer(IRiskModel model)
            {
                public double Score(Applicant a) => model.Predict(new[] { a.Income, a.Debt });
            }
            """).WithSource($$"""
            {{declaration}}

            public class Service(Scorer scorer)
            {
                {{attribute}}
                public double Decide(Applicant a) => scorer.Score(a);
            }
            """).WithEditorConfig("dotnet_diagnostic.FG0002.severity = none").VerifyAsync();
    }

    [Fact]
    public async Task ParityGuardInTheTypeSilencesEvenBeforeTheRuntimeShipsIt()
    {
        await new TestProject().WithSource(Applicant).WithSource("""
            namespace FairnessGuard { public sealed class ParityGuard { public double Apply(double score, string group) => score; } }

            public class Scorer(IRiskModel model, FairnessGuard.ParityGuard guard)
            {
                public double Score(Applicant a) => model.Predict(new[] { a.Income, a.Debt });

                public double Fair(Applicant a) => guard.Apply(Score(a), a.Gender);
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task WithoutTheFairnessGuardRuntimeTheRulesStillReport()
    {
        await new TestProject().WithoutFairnessGuard().WithSource(Applicant).WithSource("""
            public class Scorer(IRiskModel model)
            {
                public double Score(Applicant a) => model.Predict([|new[] { a.Income, a.Debt }|]);
            }
            """).WithEditorConfig("dotnet_diagnostic.FG0002.severity = none").VerifyAsync();
    }

    [Fact]
    public async Task ParityGuardOnlyInACommentOrAStringDoesNotSilence()
    {
        await new TestProject().WithSource(Applicant).WithSource("""
            public class Scorer(IRiskModel model)
            {
                // TODO: wrap this in a ParityGuard
                public string Note => "ParityGuard";

                public double Score(Applicant a) => model.Predict([|new[] { a.Income, a.Debt }|]);
            }
            """).WithEditorConfig("dotnet_diagnostic.FG0002.severity = none").VerifyAsync();
    }

    [Fact]
    public async Task ALongerIdentifierIsNotAParityGuard()
    {
        await new TestProject().WithSource(Applicant).WithSource("""
            public class Scorer(IRiskModel model)
            {
                private readonly FairnessGuard.Guard.ParityGuardOptions _options = new();

                public double Score(Applicant a) => model.Predict([|new[] { a.Income, a.Debt }|]);
            }
            """).WithEditorConfig("dotnet_diagnostic.FG0002.severity = none").VerifyAsync();
    }

    [Fact]
    public async Task AParityGuardFieldFarDownALargeTypeSilences()
    {
        await new TestProject().WithSource(Applicant).WithSource($$"""
            public class Scorer(IRiskModel model)
            {
                public double Score(Applicant a) => model.Predict(new[] { a.Income, a.Debt });

                public string Padding => "{{new string('x', 10_000)}}";

                private readonly FairnessGuard.Guard.ParityGuard<string>? _guard = null;
            }
            """).VerifyAsync();
    }
}
