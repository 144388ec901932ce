// Trap (field test 4, English collision): Genre on a listening session is a music genre, the English word the French
// "genre" collides with. The skip model leaves it out; the type holds nothing about a person: no FG0001.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Streaming.Skips;

public class ListeningSession
{
    [LoadColumn(0)] public float Minutes { get; set; }
    [LoadColumn(1)] public float TracksPlayed { get; set; }
    [LoadColumn(2)] public string Genre { get; set; } = "";
    [LoadColumn(3), ColumnName("Label")] public bool Skipped { get; set; }
}

public static class SkipModel
{
    public static ITransformer Train(MLContext ml, IDataView sessions)
        => ml.Transforms.Concatenate("Features", nameof(ListeningSession.Minutes), nameof(ListeningSession.TracksPlayed))
            .Append(ml.BinaryClassification.Trainers.FastTree())
            .Fit(sessions);
}
