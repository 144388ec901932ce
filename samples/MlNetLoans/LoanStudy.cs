using FairnessGuard.ML;
using Microsoft.ML;

namespace MlNetLoans;

/// <summary>Approval figures of one model on the test split.</summary>
/// <param name="Name">The model.</param>
/// <param name="Evaluation">The fairness evaluation (threshold 0 on Score, as ML.NET's PredictedLabel).</param>
public sealed record ModelFigures(string Name, FairnessEvaluation Evaluation)
{
    /// <summary>Approval rate of each group.</summary>
    public IReadOnlyDictionary<string, double> ApprovalRates => Evaluation.Groups.ToDictionary(g => g.Group, g => g.SelectionRate ?? 0);

    /// <summary>The four-fifths ratio: lowest over highest approval rate.</summary>
    public double FourFifthsRatio => Evaluation.DpRatio ?? 1;

    /// <summary>Accuracy of the decisions over all test rows.</summary>
    public double Accuracy => Evaluation.Groups.Sum(g => (g.Accuracy ?? 0) * g.Count) / Evaluation.Groups.Sum(g => g.Count);

    /// <summary>The gap in true-positive rate (approval among creditworthy applicants) between the groups.</summary>
    public double TprGap => Evaluation.EqualOpportunityDifference ?? 0;
}

/// <summary>
/// The sample: HMDA split 50/25/25 into train, calibration and test. A FastTree model trained without race, then
/// the demographic-parity transformer fitted on the calibration split and appended; a linear (SDCA logistic) model
/// without and with Donini et al.'s fair projection, and with the post-processing transformer.
/// </summary>
public static class LoanStudy
{
    /// <summary>Runs every model and evaluates it on the test split.</summary>
    /// <param name="path">hmda.csv.</param>
    /// <param name="seed">The split and trainer seed.</param>
    /// <returns>The figures, in the order printed.</returns>
    public static IReadOnlyList<ModelFigures> Run(string path, int seed = 1996)
    {
        var ml = new MLContext(seed);
        var rows = HmdaRow.Load(path);
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        var n = rows.Count;
        var train = ml.Data.LoadFromEnumerable(rows[..(n / 2)]);
        var calibration = ml.Data.LoadFromEnumerable(rows[(n / 2)..(3 * n / 4)]);
        var test = ml.Data.LoadFromEnumerable(rows[(3 * n / 4)..]);
        var features = ml.Transforms.Concatenate("Features", HmdaRow.FeatureColumns);

        // Gradient-boosted trees, race not among the features.
        var trees = features
            .Append(ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 100, minimumExampleCountPerLeaf: 10))
            .Fit(train);
        var treesFair = trees.Append(ml.Transforms.DemographicParity("Race", seed: (ulong)seed).Fit(trees.Transform(calibration)));

        // Linear models on standardised features: unconstrained, projected (in-processing), post-processed.
        var normalised = features.Append(ml.Transforms.NormalizeMeanVariance("Features"));
        var sdca = ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 100);
        var linear = normalised.Append(sdca).Fit(train);
        var projected = normalised.Append(ml.Transforms.FairLinearProjection("Race")).Append(sdca).Fit(train);
        var linearFair = linear.Append(ml.Transforms.DemographicParity("Race", seed: (ulong)seed).Fit(linear.Transform(calibration)));

        ModelFigures Evaluate(string name, ITransformer model) =>
            new(name, ml.Fairness().Evaluate(model.Transform(test), "Score", "Race", "Label", threshold: 0));

        return
        [
            Evaluate("FastTree", trees),
            Evaluate("FastTree + DemographicParity", treesFair),
            Evaluate("SDCA linear", linear),
            Evaluate("SDCA + FairLinearProjection", projected),
            Evaluate("SDCA + DemographicParity", linearFair),
        ];
    }
}
