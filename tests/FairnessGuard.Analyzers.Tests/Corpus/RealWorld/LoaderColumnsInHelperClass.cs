// Issue 14.3: the TextLoader.Column list is declared in a loader helper of another class.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Census;

public static class CensusSchema
{
    public static readonly TextLoader.Column[] Columns =
    {
        new TextLoader.Column("Age", DataKind.Single, 0),
        new TextLoader.Column("Hours", DataKind.Single, 1),
        new TextLoader.Column("Education", DataKind.Single, 2),
        new TextLoader.Column("Sex", DataKind.String, 3),
        new TextLoader.Column("Label", DataKind.Boolean, 4),
    };
}

public static class IncomeModel
{
    public static ITransformer Train(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromTextFile(path, CensusSchema.Columns, ',');
        var pipeline = {|FG0001:{|FG0001:ml.Transforms.Concatenate("Features", "Hours", "Education")|}|}
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression());
        return pipeline.Fit(data);
    }
}
