using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>FG0001 on hand-written feature sets (shape 2) and explicit removals (shape 3).</summary>
public class HandWrittenDroppedTests
{
    private const string Applicant = """
        public sealed class Applicant
        {
            public double Income { get; init; }
            public double Debt { get; init; }
            public int YearsEmployed { get; init; }
            public string Gender { get; init; } = "";
            public DateTime DateOfBirth { get; init; }
        }

        public interface IRiskModel
        {
            double Predict(float[] features);
        }
        """;

    [Fact]
    public async Task ALambdaParameterThatShadowsTheMethodParameterIsNotTheEntity()
    {
        // Inside the lambda, 'applicant' is a Guarantor (same member names, nothing sensitive), not the
        // method's Applicant: names inside nested functions are bound, not taken from the method's signature.
        await new TestProject().WithSource(Applicant).WithSource("""
            public sealed record Guarantor(float Income, float Debt);

            public sealed class CreditScorer(IRiskModel model)
            {
                public double Assess(Applicant applicant, Guarantor[] guarantors) =>
                    applicant.YearsEmployed + guarantors.Sum(applicant => model.Predict(new float[] { applicant.Income, applicant.Debt }));
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task MembersReadFromAParameterAreResolvedThroughBaseTypes()
    {
        await new TestProject().WithSource(Applicant).WithSource("""
            public class Person { public float Height { get; init; } public string Sex { get; init; } = ""; }
            public sealed class Athlete : Person { public float Weight { get; init; } }

            public sealed class Scorer(IRiskModel model)
            {
                public double Score(Athlete athlete) => model.Predict({|FG0001:new[] { athlete.Height, athlete.Weight }|});
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task FeatureArrayReadingOtherMembersIntoAPredictionIsReported()
    {
        var diagnostics = await new TestProject().WithSource(Applicant).WithSource("""
            public sealed class CreditScorer(IRiskModel model)
            {
                public double Assess(Applicant applicant)
                {
                    var features = {|FG0001:{|FG0001:new float[] { (float)applicant.Income, (float)applicant.Debt, applicant.YearsEmployed }|}|};
                    return model.Predict(features);
                }
            }
            """).VerifyAsync();

        var message = diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("available on 'Applicant' (parameter 'applicant')", message, StringComparison.Ordinal);
        Assert.Contains("which read Income, Debt, YearsEmployed", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoringMethodBuildingAFeatureVectorIsReported()
    {
        await new TestProject().WithSource(Applicant).WithSource("""
            public static class LinearScore
            {
                private static readonly double[] Weights = { 0.4, -0.7 };

                public static double Score(Applicant a)
                {
                    double[] x = {|FG0001:{|FG0001:[a.Income, a.Debt]|}|};
                    var sum = 0.0;
                    for (var i = 0; i < x.Length; i++)
                    {
                        sum += Weights[i] * x[i];
                    }

                    return sum;
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task DictionaryAndDtoMappingsIntoAPredictionAreReported()
    {
        await new TestProject().WithSource(Applicant).WithSource("""
            public sealed class ModelInput
            {
                public float Income { get; set; }
                public float Debt { get; set; }
            }

            public interface IEngine
            {
                float Predict(ModelInput input);
                float Score(IDictionary<string, double> features);
            }

            public sealed class Service(IEngine engine)
            {
                public float ByDto(Applicant p)
                {
                    var input = {|FG0001:{|FG0001:new ModelInput { Income = (float)p.Income, Debt = (float)p.Debt }|}|};
                    return engine.Predict(input);
                }

                public float ByDictionary(Applicant p) =>
                    engine.Score({|FG0001:{|FG0001:new Dictionary<string, double> { ["income"] = p.Income, ["debt"] = p.Debt }|}|});
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task FeatureBuilderOnTheEntityItselfIsReported()
    {
        await new TestProject().WithSource("""
            public sealed class Patient
            {
                public double BloodPressure { get; set; }
                public double Cholesterol { get; set; }
                [FairnessGuard.Sensitive] public string Cohort { get; set; } = "";

                public float[] ToFeatureVector() => [|new[] { (float)BloodPressure, (float)Cholesterol }|];
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task RemovalFromAFeatureDictionaryOnTheWayToTheModelIsReported()
    {
        var diagnostics = await new TestProject().WithSource("""
            public interface IClassifier
            {
                bool Classify(Dictionary<string, float> features);
            }

            public static class Screening
            {
                public static bool Screen(IClassifier classifier, Dictionary<string, float> row)
                {
                    var features = new Dictionary<string, float>(row);
                    [|features.Remove("marital_status")|];
                    return classifier.Classify(features);
                }
            }
            """).VerifyAsync();

        Assert.Contains("removed from 'features' by Remove(\"marital_status\")", diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ColumnRemovalFromAFrameBeforeFitIsReported()
    {
        await new TestProject().WithSource("""
            public sealed class Frame
            {
                public List<string> Columns { get; } = new();
            }

            public sealed class Regressor
            {
                public void Fit(Frame x, double[] y) { }
            }

            public static class Training
            {
                public static Regressor Train(Frame frame, double[] target)
                {
                    [|frame.Columns.Remove("Race")|];
                    var model = new Regressor();
                    model.Fit(frame, target);
                    return model;
                }
            }
            """).VerifyAsync();
    }
}
