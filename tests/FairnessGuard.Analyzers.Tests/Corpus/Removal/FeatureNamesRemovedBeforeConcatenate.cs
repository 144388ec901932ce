// The feature name list is edited before it reaches Concatenate.
using Microsoft.ML;

namespace Lending.Features;

public static class FeatureSelection
{
    public static IEstimator<ITransformer> Pipeline(MLContext ml, IEnumerable<string> allColumns)
    {
        var featureNames = allColumns.Where(c => c != "Label").ToList();
        {|FG0001:featureNames.Remove("Race")|};
        {|FG0001:featureNames.Remove("MaritalStatus")|};
        return ml.Transforms.Concatenate("Features", featureNames.ToArray())
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
    }
}
