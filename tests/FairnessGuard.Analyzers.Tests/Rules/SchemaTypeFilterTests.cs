using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// Feature lists taken from the loaded schema by column type (<c>c.Type.ToString() == "Single"</c>) and lists grown by
/// <c>Add</c>/<c>AddRange</c> (field test 3, real HR-attrition code). A list changed in a way the rule cannot follow is
/// unknown: silent.
/// </summary>
public class SchemaTypeFilterTests
{
    [Fact]
    public async Task TheSingleColumnsOfTheSchemaLeaveTheTextGenderOut()
    {
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.ML;
            using Microsoft.ML.Data;

            public static class LoanTrainer
            {
                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<LoanInput>(path, ',');
                    var numeric = data.Schema.Where(c => c.Name != "Label" && c.Type == NumberDataViewType.Single).Select(c => c.Name);
                    var names = new List<string>();
                    names.AddRange(numeric);
                    return {|FG0001:ml.Transforms.Concatenate("Features", names.ToArray())|}.Append(ml.BinaryClassification.Trainers.FastTree()).Fit(data);
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task AnAnonymousProjectionFilteredOnTheTypeNameIsFollowed()
    {
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using System.Linq;
            using Microsoft.ML;

            public static class LoanTrainer
            {
                public static ITransformer Train(MLContext ml, string path)
                {
                    IDataView data = ml.Data.LoadFromTextFile<LoanInput>(path, ',');
                    var fields = data.Schema.AsEnumerable().Select(c => new { c.Name, c.Type }).Where(c => !(c.Name == "Label") && c.Type.ToString() != "String").ToArray();
                    var names = fields.Select(c => c.Name).ToArray();
                    return {|FG0001:ml.Transforms.Concatenate("Features", names)|}.Append(ml.BinaryClassification.Trainers.FastTree()).Fit(data);
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task TheVisibleColumnsButTheExcludedOnesLeaveThoseOut()
    {
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using System.Linq;
            using Microsoft.ML;

            public static class LoanTrainer
            {
                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<LoanInput>(path, ',');
                    var names = data.Schema.Where(c => !c.IsHidden && c.Name != "Label" && c.Name != "Gender" && c.Name != "ZipCode").Select(c => c.Name).ToArray();
                    return {|FG0001:ml.Transforms.Concatenate("Features", names)|}.Append(ml.BinaryClassification.Trainers.FastTree()).Fit(data);
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task AListThatGetsTheEncodedGenderAddedKeepsIt()
    {
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using System.Collections.Generic;
            using Microsoft.ML;

            public static class LoanTrainer
            {
                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<LoanInput>(path, ',');
                    var names = new List<string> { "Income", "Debt" };
                    names.Add("Years");
                    names.Add("GenderCode");
                    return ml.Transforms.Categorical.OneHotEncoding("GenderCode", "Gender")
                        .Append(ml.Transforms.Concatenate("Features", names.ToArray()))
                        .Append(ml.BinaryClassification.Trainers.FastTree()).Fit(data);
                }

                public static ITransformer TrainWithout(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<LoanInput>(path, ',');
                    var names = new List<string> { "Income", "Debt" };
                    names.Add("Years");
                    return {|FG0001:ml.Transforms.Concatenate("Features", names.ToArray())|}.Append(ml.BinaryClassification.Trainers.FastTree()).Fit(data);
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task AListChangedInAWayTheRuleCannotFollowIsUnknown()
    {
        // Removed from, copied to another variable, handed to a helper, filtered on something else: silent each time.
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.ML;

            public static class LoanTrainer
            {
                public static ITransformer Removed(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<LoanInput>(path, ',');
                    var names = new List<string> { "Income", "Debt", "Years" };
                    names.Remove("Years");
                    return ml.Transforms.Concatenate("Features", names.ToArray()).Append(ml.BinaryClassification.Trainers.FastTree()).Fit(data);
                }

                public static ITransformer Aliased(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<LoanInput>(path, ',');
                    var names = new List<string> { "Income", "Debt" };
                    var same = names;
                    same.Add("Gender");
                    return ml.Transforms.Concatenate("Features", names.ToArray()).Append(ml.BinaryClassification.Trainers.FastTree()).Fit(data);
                }

                public static ITransformer Helped(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<LoanInput>(path, ',');
                    var names = new List<string> { "Income", "Debt" };
                    AddDemographics(names);
                    return ml.Transforms.Concatenate("Features", names.ToArray()).Append(ml.BinaryClassification.Trainers.FastTree()).Fit(data);
                }

                public static ITransformer OtherFilter(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<LoanInput>(path, ',');
                    var names = data.Schema.Where(c => c.Index > 0 && c.Name != "Label").Select(c => c.Name).ToArray();
                    return ml.Transforms.Concatenate("Features", names).Append(ml.BinaryClassification.Trainers.FastTree()).Fit(data);
                }

                private static void AddDemographics(List<string> names) => names.Add("Gender");
            }
            """).VerifyAsync();
    }
    [Fact]
    public async Task APrivateListFieldCountsWhatItsTypeAddsAndAReachableOneIsUnknown()
    {
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using System.Collections.Generic;
            using Microsoft.ML;
            using Microsoft.ML.Data;

            public class Visit
            {
                [LoadColumn(0)] public float Income { get; set; }
                [LoadColumn(1)] public float Debt { get; set; }
                [LoadColumn(2)] public float Age { get; set; }
                [LoadColumn(3), ColumnName("Label")] public bool Approved { get; set; }
            }

            public static class AgeTrainer
            {
                private static readonly List<string> Columns = new() { "Income", "Debt" };

                static AgeTrainer() => Columns.Add(nameof(Visit.Age));

                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<Visit>(path, ',');
                    return ml.Transforms.Concatenate("Features", Columns.ToArray()).Append(ml.BinaryClassification.Trainers.FastTree()).Fit(data);
                }
            }

            public static class PlainTrainer
            {
                private static readonly List<string> Columns = new List<string> { "Income", "Debt", "Years" };

                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<LoanInput>(path, ',');
                    return {|FG0001:ml.Transforms.Concatenate("Features", Columns.ToArray())|}.Append(ml.BinaryClassification.Trainers.FastTree()).Fit(data);
                }
            }

            public static class SharedColumns
            {
                public static readonly List<string> Columns = new() { "Income", "Debt" };
            }

            public static class SharedTrainer
            {
                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<LoanInput>(path, ',');
                    return ml.Transforms.Concatenate("Features", SharedColumns.Columns.ToArray()).Append(ml.BinaryClassification.Trainers.FastTree()).Fit(data);
                }
            }
            """).VerifyAsync();
    }
}
