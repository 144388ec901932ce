using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// The traps found in real code: each one removes, filters or leaves out a sensitive attribute, and none
/// of them is fairness through unawareness. Every rule (FG0004 included) must stay silent.
/// </summary>
public class SilentTrapTests
{
    private static TestProject Project(params string[] sources)
    {
        var project = new TestProject().EnableRule(RuleIdentifiers.SensitiveAttributeUsed);
        foreach (var source in sources)
        {
            project.WithSource(source);
        }

        return project;
    }

    [Fact]
    public async Task MvcModelStateRemoveIsSilent()
    {
        await Project("""
            namespace Microsoft.AspNetCore.Mvc.ModelBinding
            {
                public sealed class ModelStateDictionary
                {
                    public bool Remove(string key) => true;
                    public bool IsValid => true;
                }
            }

            namespace Shop
            {
                public sealed class Customer { public string Name { get; set; } = ""; public string Gender { get; set; } = ""; public int Age { get; set; } }

                public sealed class CustomersController
                {
                    public Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary ModelState { get; } = new();

                    public string Edit(Customer customer)
                    {
                        ModelState.Remove("Gender");
                        ModelState.Remove(nameof(Customer.Age));
                        return ModelState.IsValid ? "Saved " + customer.Name : "Invalid";
                    }
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task DataTableColumnRemovalInAReportPageIsSilent()
    {
        await Project("""
            using System.Data;

            public sealed class EmployeeReportPage
            {
                public object? DataSource { get; private set; }

                public void Render(DataTable employees)
                {
                    employees.Columns.Remove("SEX");
                    employees.Columns.Remove("DATE_OF_BIRTH");
                    DataSource = employees;
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task DataFrameRemovalsThatReachNoModelOrCannotBeReadAreSilent()
    {
        await Project(FrameRemovalTests.DataAnalysis, FrameRemovalTests.Spark, FrameRemovalTests.Deedle, """
            using System.Data;

            public static class Reports
            {
                // A report table, by position: no model.
                public static DataTable Export(DataTable staff)
                {
                    staff.Columns.RemoveAt(staff.Columns.IndexOf("SEX"));
                    return staff;
                }

                // Spark's Drop returns a new frame: the one without "sex" is only shown; the model gets all columns.
                public static object Train(ISparkModel model, Microsoft.Spark.Sql.DataFrame people)
                {
                    people.Drop("sex").Show();
                    return model.Fit(people);
                }

                // The position of another collection's column, and names that are not constants.
                public static float[] Score(IFrameModel model, Microsoft.Data.Analysis.DataFrame frame, Microsoft.Data.Analysis.DataFrame other, string[] hidden)
                {
                    frame.Columns.RemoveAt(other.Columns.IndexOf("Sex"));
                    frame.Columns.RemoveAt(2);
                    frame.DropColumns(hidden);
                    return model.Predict(frame);
                }

                // A Deedle frame trimmed for display, never scored.
                public static int Count(IDeedleModel model, Deedle.Frame<int, string> frame)
                {
                    frame.DropColumn("Ethnicity");
                    return model.Predict(new Deedle.Frame<int, string>()).Length;
                }
            }

            public static class FrameExtensions
            {
                public static void DropColumns(this Microsoft.Data.Analysis.DataFrame frame, params string[] names) { }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task CrudSearchFilterByGenderOrAgeIsSilent()
    {
        await Project("""
            public sealed record Member(int Id, string Name, string Gender, int Age, string City);

            public sealed class MemberSearch(IReadOnlyList<Member> members)
            {
                public IEnumerable<Member> Find(string? gender, int? minAge, int? maxAge) =>
                    members.Where(m => gender == null || m.Gender == gender)
                           .Where(m => minAge == null || m.Age >= minAge)
                           .Where(m => maxAge == null || m.Age <= maxAge)
                           .OrderBy(m => m.Name);

                public object[] Row(Member m) => new object[] { m.Id, m.Name, m.City };
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task RecordWithGenderThatNeverReachesAModelIsSilent()
    {
        await Project("""
            public sealed record Person(string FirstName, string LastName, string Email, string Gender, DateTime DateOfBirth);
            public sealed record PersonSummary(string Name, string Email);

            public static class PersonMapper
            {
                public static PersonSummary Summarise(Person p) => new PersonSummary(p.FirstName + " " + p.LastName, p.Email);

                public static string[] CsvRow(Person p) => new[] { p.FirstName, p.LastName, p.Email };
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task SensitiveAttributeUsedAsTheLabelIsSilent()
    {
        await Project("""
            using Microsoft.ML;
            using Microsoft.ML.Data;

            public class VoiceSample
            {
                [LoadColumn(0)] public float MeanFrequency { get; set; }
                [LoadColumn(1)] public float SpectralEntropy { get; set; }
                [LoadColumn(2)] public string Gender { get; set; } = "";
            }

            public class HeightSample
            {
                [LoadColumn(0)] public float Height { get; set; }
                [LoadColumn(1)] public float Weight { get; set; }
                [LoadColumn(2), ColumnName("Label")] public bool Sex { get; set; }
            }

            public static class Trainers
            {
                public static ITransformer VoiceGender(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<VoiceSample>(path, ',');
                    var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Gender")
                        .Append(ml.Transforms.Concatenate("Features", "MeanFrequency", "SpectralEntropy"))
                        .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
                    return pipeline.Fit(data);
                }

                public static ITransformer SexFromBody(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<HeightSample>(path, ',');
                    return ml.Transforms.Concatenate("Features", "Height", "Weight")
                        .Append(ml.BinaryClassification.Trainers.FastTree(labelColumnName: "Label"))
                        .Fit(data);
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task FairnessMetricCodeReadingGroupMembershipIsSilent()
    {
        await Project("""
            public sealed record Outcome(string Race, string Gender, double Score, bool Approved);

            public static class SelectionRates
            {
                public static Dictionary<string, double> ByGroup(IEnumerable<Outcome> outcomes) =>
                    outcomes.GroupBy(o => o.Race).ToDictionary(g => g.Key, g => g.Average(o => o.Approved ? 1.0 : 0.0));

                public static double[] ScoreSummary(Outcome o) => new[] { o.Score, o.Approved ? 1.0 : 0.0, o.Gender == "F" ? 1.0 : 0.0 };
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task DropColumnsOfNonSensitiveColumnsAndAllFeaturesUsedAreSilent()
    {
        await Project(MlNetSources.LoanInput, """
            using Microsoft.ML;

            public static class LoanTrainer
            {
                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<LoanInput>(path, ',');
                    var pipeline = ml.Transforms.DropColumns("Years")
                        .Append(ml.Transforms.Categorical.OneHotEncoding("GenderKey", "Gender"))
                        .Append(ml.Transforms.Categorical.OneHotEncoding("ZipKey", nameof(LoanInput.ZipCode)))
                        .Append(ml.Transforms.Concatenate("Features", "Income", "Debt", "GenderKey", "ZipKey"))
                        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
                    return pipeline.Fit(data);
                }
            }
            """).WithEditorConfig("dotnet_diagnostic.FG0004.severity = none").VerifyAsync();
    }

    [Fact]
    public async Task WordsThatOnlyContainSensitiveLettersAreSilent()
    {
        await Project("""
            public sealed class Telemetry
            {
                public double Average { get; set; }
                public double Usage { get; set; }
                public int Page { get; set; }
                public double Sextant { get; set; }
                public double Latency { get; set; }
            }

            public interface IForecaster { double Predict(double[] x); }

            public static class Capacity
            {
                public static double Forecast(IForecaster model, Telemetry t) => model.Predict(new[] { t.Latency, t.Page });
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task GeneratedCodeIsSkipped()
    {
        await Project("""
            // <auto-generated/>
            public sealed class Applicant { public double Income { get; set; } public double Debt { get; set; } public string Gender { get; set; } = ""; }
            public interface IModel { double Predict(double[] x); }
            public static class Generated
            {
                public static double Run(IModel m, Applicant a) => m.Predict(new[] { a.Income, a.Debt });
            }
            """).VerifyAsync();
    }
}
