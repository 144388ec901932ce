using System.Globalization;
using FairnessGuard.ML;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetLoans;

/// <summary>
/// One resume of Bertrand &amp; Mullainathan's field experiment (AER 2004; data/resumenames.csv, the AER package's
/// <c>ResumeNames</c>): the label is a call-back; ethnicity was assigned at random through the name.
/// </summary>
public sealed class ResumeRow
{
    /// <summary>The employer called back.</summary>
    public bool Label { get; set; }

    /// <summary>"afam" or "cauc", signalled by the name only: the group, never a feature.</summary>
    public string Ethnicity { get; set; } = string.Empty;

    /// <summary>Numeric and yes/no resume and job-ad attributes (gender and name left out).</summary>
    [VectorType(19)]
    public float[] Numbers { get; set; } = [];

    /// <summary>Categorical attributes: city, wanted occupation, industry, minimum experience required.</summary>
    public string City { get; set; } = string.Empty;

    /// <summary>The occupation advertised.</summary>
    public string Wanted { get; set; } = string.Empty;

    /// <summary>The employer's industry.</summary>
    public string Industry { get; set; } = string.Empty;

    /// <summary>The minimum experience required ("none", "some", years).</summary>
    public string Minimum { get; set; } = string.Empty;

    /// <summary>Reads resumenames.csv.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The rows.</returns>
    public static List<ResumeRow> Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',').Select(s => s.Trim('"')).ToList();
        string[] numeric = ["jobs", "experience"];
        string[] flags = ["honors", "volunteer", "military", "holes", "school", "email", "computer", "special", "college", "equal", "requirements", "reqexp", "reqcomm", "reqeduc", "reqcomp", "reqorg"];
        var rows = new List<ResumeRow>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',').Select(s => s.Trim('"')).ToArray();
            string F(string name) => f[header.IndexOf(name)];
            rows.Add(new ResumeRow
            {
                Label = F("call") == "yes",
                Ethnicity = F("ethnicity"),
                Numbers = [.. numeric.Select(n => float.Parse(F(n), CultureInfo.InvariantCulture)), .. flags.Select(n => F(n) == "yes" ? 1f : 0f), F("quality") == "high" ? 1f : 0f],
                City = F("city"),
                Wanted = F("wanted"),
                Industry = F("industry"),
                Minimum = F("minimum"),
            });
        }

        return rows;
    }
}

/// <summary>
/// The resume study: call-back prediction without ethnicity, split 50/25/25. The call-back rate is about 8 %, so at
/// ML.NET's <c>Score &gt; 0</c> a model calls almost nobody back; each model instead calls back the top-scored share
/// of applicants that matches the training call-back rate, its threshold set on the calibration split.
/// </summary>
public static class ResumeStudy
{
    /// <summary>The figures of one model on the test split at its own threshold.</summary>
    /// <param name="Name">The model.</param>
    /// <param name="Threshold">The score threshold (top share on calibration).</param>
    /// <param name="Evaluation">The evaluation on the test split.</param>
    public sealed record Figures(string Name, double Threshold, FairnessEvaluation Evaluation)
    {
        /// <summary>Accuracy over all test rows.</summary>
        public double Accuracy => Evaluation.Groups.Sum(g => (g.Accuracy ?? 0) * g.Count) / Evaluation.Groups.Sum(g => g.Count);
    }

    /// <summary>Runs the models.</summary>
    /// <param name="path">resumenames.csv.</param>
    /// <param name="seed">The split and trainer seed.</param>
    /// <returns>The figures and the training call-back rate.</returns>
    public static (IReadOnlyList<Figures> Models, double CallbackRate) Run(string path, int seed = 2004)
    {
        var ml = new MLContext(seed);
        var rows = ResumeRow.Load(path);
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        var n = rows.Count;
        var trainRows = rows[..(n / 2)];
        var rate = trainRows.Count(r => r.Label) / (double)trainRows.Count;
        var train = ml.Data.LoadFromEnumerable(trainRows);
        var calibration = ml.Data.LoadFromEnumerable(rows[(n / 2)..(3 * n / 4)]);
        var test = ml.Data.LoadFromEnumerable(rows[(3 * n / 4)..]);

        var features = ml.Transforms.Categorical.OneHotEncoding([new("CityKey", "City"), new("WantedKey", "Wanted"), new("IndustryKey", "Industry"), new("MinimumKey", "Minimum")])
            .Append(ml.Transforms.Concatenate("Features", "Numbers", "CityKey", "WantedKey", "IndustryKey", "MinimumKey"))
            .Append(ml.Transforms.NormalizeMeanVariance("Features"));
        var sdca = ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 100);
        var linear = features.Append(sdca).Fit(train);
        var projected = features.Append(ml.Transforms.FairLinearProjection("Ethnicity")).Append(sdca).Fit(train);
        var linearFair = linear.Append(ml.Transforms.DemographicParity("Ethnicity", seed: (ulong)seed).Fit(linear.Transform(calibration)));

        Figures Evaluate(string name, ITransformer model)
        {
            // Call back the top `rate` share of the calibration split's scores.
            var scores = model.Transform(calibration).GetColumn<float>("Score").Select(s => (double)s).Order().ToArray();
            var threshold = scores[Math.Clamp((int)Math.Floor((1 - rate) * scores.Length), 0, scores.Length - 1)];
            return new(name, threshold, ml.Fairness().Evaluate(model.Transform(test), "Score", "Ethnicity", "Label", threshold));
        }

        return ([Evaluate("SDCA linear", linear), Evaluate("SDCA + FairLinearProjection", projected), Evaluate("SDCA + DemographicParity", linearFair)], rate);
    }
}
