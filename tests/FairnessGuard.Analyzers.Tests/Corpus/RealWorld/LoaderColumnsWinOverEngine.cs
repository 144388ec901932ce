// Issue 14.3: the class's own loader columns win over the prediction engine's input type.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Rental;

public sealed class Query { public float Rooms { get; set; } public string Race { get; set; } = ""; }

public sealed class Quote { public float Score { get; set; } }

public sealed class RentModel
{
    private readonly MLContext _ml = new();

    public ITransformer Train(string path)
    {
        var data = _ml.Data.LoadFromTextFile(path, new[]
        {
            new TextLoader.Column("Rooms", DataKind.Single, 0),
            new TextLoader.Column("Label", DataKind.Single, 1),
        }, ',');
        return _ml.Transforms.Concatenate("Features", "Rooms").Append(_ml.Regression.Trainers.Sdca()).Fit(data);
    }

    public float Predict(ITransformer model, Query q) => _ml.Model.CreatePredictionEngine<Query, Quote>(model).Predict(q).Score;
}
