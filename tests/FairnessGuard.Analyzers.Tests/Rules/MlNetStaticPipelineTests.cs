using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>FG0001 on ML.NET static pipelines (<c>Microsoft.ML.StaticPipe</c>): columns read by a static text reader, features built with <c>ConcatWith</c>.</summary>
public class MlNetStaticPipelineTests
{
    private const string Prefix = """
        using Microsoft.ML;
        using Microsoft.ML.StaticPipe;

        public static class IncomeTrainer
        {
            public static void Train(MLContext ml, IMultiStreamSource source)
            {
                var reader = TextLoaderStatic.CreateReader(ml, ctx => (
                    Label: ctx.LoadBool(0),
                    Age: ctx.LoadFloat(1),
                    Sex: ctx.LoadText(2),
                    Hours: ctx.LoadFloat(3)), separator: ',', hasHeader: true);
                var data = reader.Read(source);
        """;

    private const string Suffix = """
                _ = pipeline.Fit(data);
            }
        }
        """;

    [Fact]
    public async Task SensitiveColumnLeftOutOfConcatWithIsReported()
    {
        var diagnostics = await new TestProject().WithSource(Prefix + """
                    var pipeline = reader.MakeNewEstimator()
                        .Append(row => (row.Label, Features: {|FG0001:row.Age.ConcatWith(row.Hours)|}))
                        .Append(row => (row.Label, Score: ml.BinaryClassification.Trainers.Sdca(row.Label, row.Features)));
            """ + Suffix).VerifyAsync();

        var message = Assert.Single(diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("'Sex' is available on the columns loaded by TextLoaderStatic.CreateReader but is left out of the ConcatWith(…) that builds 'Features'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SensitiveColumnIncludedInConcatWithIsNotReportedAsDropped()
    {
        await new TestProject().WithSource(Prefix + """
                    var pipeline = reader.MakeNewEstimator()
                        .Append(row => (row.Label, Features: row.Age.ConcatWith(row.Hours).ConcatWith(row.Sex.Length())))
                        .Append(row => (row.Label, Score: ml.BinaryClassification.Trainers.Sdca(row.Label, row.Features)));
            """ + Suffix + """

            public static class TextLength
            {
                public static Scalar<float> Length(this Scalar<string> text) => throw new System.NotImplementedException();
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task SensitiveColumnUsedAsTheLabelIsNotReported()
    {
        await new TestProject().WithSource("""
            using Microsoft.ML;
            using Microsoft.ML.StaticPipe;

            public static class SexClassifier
            {
                public static void Train(MLContext ml, IMultiStreamSource source)
                {
                    var reader = TextLoaderStatic.CreateReader(ml, ctx => (
                        Age: ctx.LoadFloat(0),
                        Sex: ctx.LoadBool(1),
                        Hours: ctx.LoadFloat(2)), separator: ',');
                    var pipeline = reader.MakeNewEstimator()
                        .Append(row => (row.Sex, Features: row.Age.ConcatWith(row.Hours)))
                        .Append(row => (row.Sex, Score: ml.BinaryClassification.Trainers.Sdca(row.Sex, row.Features)));
                    _ = pipeline.Fit(reader.Read(source));
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task SensitiveColumnReadByAnotherTransformIsNotReported()
    {
        await new TestProject().WithSource(Prefix + """
                    var pipeline = reader.MakeNewEstimator()
                        .Append(row => (row.Label, Features: row.Age.ConcatWith(row.Hours), SexLength: row.Sex.Length()))
                        .Append(row => (row.Label, Score: ml.BinaryClassification.Trainers.Sdca(row.Label, row.Features)));
            """ + Suffix + """

            public static class TextLength
            {
                public static Scalar<float> Length(this Scalar<string> text) => throw new System.NotImplementedException();
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task OutputPolicyOnThePredictionMethodSilencesTheStaticPipeline()
    {
        await new TestProject().WithSource(Prefix + """
                    var pipeline = reader.MakeNewEstimator()
                        .Append(row => (row.Label, Features: row.Age.ConcatWith(row.Hours)))
                        .Append(row => (row.Label, Score: ml.BinaryClassification.Trainers.Sdca(row.Label, row.Features)));
            """ + Suffix + """

            public sealed class Person
            {
                public float Age { get; set; }
                public string Sex { get; set; } = "";
                public float Hours { get; set; }
            }

            public sealed class Verdict
            {
                public float Score { get; set; }
            }

            public sealed class IncomeScorer(PredictionEngine<Person, Verdict> engine)
            {
                [FairnessGuard.DemographicParity(nameof(Person.Sex))]
                public float Predict(Person person) => engine.Predict(person).Score;
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task RowHandedOnWholeIsNotGuessedAbout()
    {
        await new TestProject().WithSource(Prefix + """
                    var pipeline = reader.MakeNewEstimator()
                        .Append(row => (row.Label, Features: row.Age.ConcatWith(row.Hours), Extra: RowEncoding.Encode(row)))
                        .Append(row => (row.Label, Score: ml.BinaryClassification.Trainers.Sdca(row.Label, row.Features)));
            """ + Suffix + """

            public static class RowEncoding
            {
                public static Scalar<float> Encode<T>(T row) => throw new System.NotImplementedException();
            }
            """).VerifyAsync();
    }
}
