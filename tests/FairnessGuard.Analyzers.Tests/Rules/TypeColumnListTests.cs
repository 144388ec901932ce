using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// Feature lists built from a type's columns rather than written out: the loaded schema's names or the input type's
/// properties by reflection, filtered by LINQ in a local. The names in the filter build the list; they are not uses.
/// </summary>
public class TypeColumnListTests
{
    [Fact]
    public async Task TheLoadedSchemaFilteredInALocalDropsTheColumnsItExcludes()
    {
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using System.Linq;
            using Microsoft.ML;

            public static class LoanTrainer
            {
                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<LoanInput>(path, ',');
                    var names = data.Schema.Select(c => c.Name).Where(n => n != "Label" && n != "Gender").ToArray();
                    return {|FG0001:ml.Transforms.Concatenate("Features", names)|}.Append(ml.BinaryClassification.Trainers.FastTree()).Fit(data);
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task PropertiesByReflectionKeepWhatTheFilterDoesNotExclude()
    {
        await new TestProject().WithSource(MlNetSources.LoanInput).WithSource("""
            using System.Linq;
            using Microsoft.ML;

            public static class LoanTrainer
            {
                public static ITransformer Train(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<LoanInput>(path, ',');
                    var names = typeof(LoanInput).GetProperties().Select(p => p.Name).Where(n => n != nameof(LoanInput.Approved)).ToArray();
                    return ml.Transforms.Concatenate("Features", names).Append(ml.BinaryClassification.Trainers.FastTree()).Fit(data);
                }

                public static ITransformer TrainWithout(MLContext ml, string path)
                {
                    var data = ml.Data.LoadFromTextFile<LoanInput>(path, ',');
                    var names = typeof(LoanInput).GetProperties().Select(p => p.Name).Where(n => n != nameof(LoanInput.Approved) && n != nameof(LoanInput.Gender)).ToArray();
                    return {|FG0001:ml.Transforms.Concatenate("Features", names)|}.Append(ml.BinaryClassification.Trainers.FastTree()).Fit(data);
                }
            }
            """).VerifyAsync();
    }
}
