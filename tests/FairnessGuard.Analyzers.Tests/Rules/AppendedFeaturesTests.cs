using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>FG0001 on feature collections created empty and filled one statement at a time (shape 2).</summary>
public class AppendedFeaturesTests
{
    private const string Applicant = """
        public sealed class Applicant
        {
            public float Income { get; init; }
            public float Debt { get; init; }
            public float YearsEmployed { get; init; }
            public string Gender { get; init; } = "";
        }

        public interface IRiskModel
        {
            double Predict(float[] features);
            double Score(IList<float> features);
            double Score(IDictionary<string, float> features);
        }

        public interface IAuditLog { void Write(object value); }
        """;

    private static TestProject Project(string body) =>
        new TestProject().EnableRule(RuleIdentifiers.SensitiveAttributeUsed).WithSource(Applicant).WithSource($$"""
            public sealed class CreditScorer(IRiskModel model, IAuditLog log)
            {
            {{body}}
            }
            """);

    [Fact]
    public async Task ListFilledByAddStatementsIsReportedOnItsCreation()
    {
        var diagnostics = await Project("""
                public double Assess(Applicant applicant, float bureauScore)
                {
                    var features = [|new List<float>()|];
                    features.Add(applicant.Income);
                    features.Add(applicant.Debt);
                    features.Add(bureauScore);
                    return model.Score(features);
                }
            """).VerifyAsync();

        var message = diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'Applicant.Gender' is available on 'Applicant' (parameter 'applicant')", message, StringComparison.Ordinal);
        Assert.Contains("which read Income, Debt", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("List<float> f = [|new()|];\n f.Add(a.Income);\n f.Add(a.Debt);\n return model.Score(f);")]
    [InlineData("List<float> f = [|[]|];\n f.AddRange(new[] { a.Income, a.Debt });\n return model.Score(f);")]
    [InlineData("var f = [|new List<float>(4)|];\n f.AddRange([a.Income, a.Debt, a.YearsEmployed]);\n return model.Predict(f.ToArray());")]
    [InlineData("var f = [|new List<float>()|];\n f.Add(a.Income);\n f.Add(a.Debt);\n var input = new Wrapper(f);\n return model.Predict(input.Values);")]
    [InlineData("var f = [|new float[3]|];\n f[0] = a.Income;\n f[1] = a.Debt;\n f[2] = a.YearsEmployed;\n return model.Predict(f);")]
    [InlineData("var f = [|new Dictionary<string, float>()|];\n f[\"income\"] = a.Income;\n f[\"debt\"] = a.Debt;\n return model.Score(f);")]
    [InlineData("var f = [|new Dictionary<string, float>()|];\n f.Add(\"income\", a.Income);\n f.Add(\"debt\", a.Debt);\n var risk = model.Score(f);\n return risk;")]
    public async Task EmptyCollectionsFilledInTheSameBlockAreReported(string body)
    {
        await Project($$"""
                public double Assess(Applicant a)
                {
                    {{body}}
                }

                private sealed class Wrapper(List<float> values) { public float[] Values { get; } = values.ToArray(); }
            """).VerifyAsync();
    }

    [Fact]
    public async Task FeatureBuilderAndScoringMethodAreReported()
    {
        await Project("""
                public float[] ToFeatures(Applicant a)
                {
                    var f = [|new float[2]|];
                    f[0] = a.Income;
                    f[1] = a.Debt;
                    return f;
                }

                public static double Score(Applicant a)
                {
                    var x = [|new List<float>()|];
                    x.Add(a.Income);
                    x.Add(a.Debt);
                    var sum = 0.0;
                    for (var i = 0; i < x.Count; i++)
                    {
                        sum += 0.5 * x[i];
                    }

                    return sum;
                }
            """).VerifyAsync();
    }

    [Theory]
    [InlineData("f.Add(a.Income);\n f.Add(a.Debt);\n f.Add(a.Gender == \"F\" ? 1f : 0f);\n return model.Score(f);")] // the sensitive member is a feature
    [InlineData("f.Add(a.Income);\n f.Add(a.Debt);\n log.Write(a);\n return model.Score(f);")] // the entity escapes whole
    [InlineData("f.Add(a.Income);\n f.Add(a.Debt);\n log.Write(f);\n return 0;")] // logged, never scored
    [InlineData("f.Add(a.Income);\n f.Add(a.Debt);\n Enrich(f, a.Income);\n return model.Score(f);")] // another call may fill it
    [InlineData("f.Add(a.Income);\n f.Add(a.Debt);\n f.AddRange(extra);\n return model.Score(f);")] // an opaque collection is appended
    [InlineData("f.Add(a.Income);\n if (a.Debt > 0) { f.Add(a.Debt); }\n return model.Score(f);")] // a fill in a branch
    [InlineData("f.Add(a.Income);\n f.Add(a.Debt);\n f.Add(genderCode);\n return model.Score(f);")] // a value named like the attribute
    [InlineData("f.Add(a.Income);\n f.Add(a.Debt);\n var filler = new Filler(f);\n filler.Append(a.Income);\n return model.Score(f);")] // an object holding it may fill it
    [InlineData("f.Add(a.Income);\n f.Add(a.Debt);\n var g = f;\n g.AddRange(extra);\n return model.Score(g);")] // an alias
    [InlineData("f.Add(a.Income);\n f.Add(a.Debt);\n extra.ForEach(v => f.Add(v));\n return model.Score(f);")] // a fill in a lambda
    public async Task CollectionsWhoseContentIsUnknownOrThatReachNoPredictionAreSilent(string body)
    {
        await Project($$"""
                public double Assess(Applicant a, List<float> extra, float genderCode)
                {
                    var f = new List<float>();
                    {{body}}
                }

                private static void Enrich(List<float> features, float income) { }

                private sealed class Filler(List<float> target) { public void Append(float value) => target.Add(value); }
            """).VerifyAsync();
    }

    [Fact]
    public async Task CopiedCollectionsAndListsReturnedByANonScoringMethodAreSilent()
    {
        await Project("""
                public double Assess(Applicant a, List<float> baseline)
                {
                    var f = new List<float>(baseline);
                    f.Add(a.Income);
                    f.Add(a.Debt);
                    return model.Score(f);
                }

                public List<float> Describe(Applicant a)
                {
                    var f = new List<float>();
                    f.Add(a.Income);
                    f.Add(a.Debt);
                    return f;
                }
            """).VerifyAsync();
    }

    [Fact]
    public async Task PolicyOnTheMethodSilences()
    {
        await Project("""
                [FairnessGuard.DemographicParity(nameof(Applicant.Gender))]
                public double Assess(Applicant a)
                {
                    var f = new List<float>();
                    f.Add(a.Income);
                    f.Add(a.Debt);
                    return model.Score(f);
                }
            """).VerifyAsync();
    }
}
