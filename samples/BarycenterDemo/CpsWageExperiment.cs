using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FairnessGuard.Correction;
using FairnessGuard.Metrics;
using MathNet.Numerics.LinearRegression;

namespace BarycenterDemo;

/// <summary>
/// The "unaware" wage model and its correction on CPS 2008 (cpssw8.csv): a least-squares model of log
/// earnings from age, education and region that never sees gender, fitted on one half of the rows; the
/// exact barycenter correction is calibrated on that half's predictions and applied to the other half.
/// </summary>
public static class CpsWageExperiment
{
    /// <summary>The data file, next to the program.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "cpssw8.csv");

    /// <summary>Runs the experiment.</summary>
    /// <param name="csvPath">The path of cpssw8.csv.</param>
    /// <param name="seed">The seed of the split and of the tie-breaking draws.</param>
    /// <returns>Raw and corrected predictions of the held-out half with their audits.</returns>
    public static WageExperimentResult Run(string csvPath, int seed = 2008)
    {
        var rows = Load(csvPath);
        new Random(seed).Shuffle(rows);
        var half = rows.Length / 2;
        var train = rows[..half];
        var test = rows[half..];

        var Predict = FitUnawareModel(train);

        var calibration = train.Select(Predict).ToArray();
        var calibrationGroups = train.Select(r => r.Gender).ToArray();
        var corrector = ExactBarycenterCorrector<string>.Fit(calibration, calibrationGroups, new BarycenterOptions { Seed = (ulong)seed });

        var raw = test.Select(Predict).ToArray();
        var groups = test.Select(r => r.Gender).ToArray();
        var truth = test.Select(r => Math.Log(r.Earnings)).ToArray();
        var corrected = new double[raw.Length];
        corrector.Apply(raw, groups, corrected, firstRowIndex: half);

        var audit = new FairnessAuditOptions { MmdSampleCap = 500 };
        return new WageExperimentResult(
            raw,
            corrected,
            groups,
            truth,
            FairnessAudit.Evaluate<string>(raw, groups, audit),
            FairnessAudit.Evaluate<string>(corrected, groups, audit),
            MeanSquaredError(raw, truth),
            MeanSquaredError(corrected, truth));
    }

    /// <summary>
    /// Fits least squares of log earnings on age, age², education and region: the model never sees gender
    /// ("fairness through unawareness").
    /// </summary>
    /// <param name="train">The training rows.</param>
    /// <returns>The fitted model's prediction function.</returns>
    public static Func<CpsRow, double> FitUnawareModel(IReadOnlyCollection<CpsRow> train)
    {
        var coefficients = MultipleRegression.QR(
            train.Select(Features).ToArray(),
            train.Select(r => Math.Log(r.Earnings)).ToArray(),
            intercept: false);
        return r => Features(r).Select((x, i) => x * coefficients[i]).Sum();
    }

    /// <summary>Reads cpssw8.csv (columns earnings, gender, age, region, education).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The rows, in file order.</returns>
    public static CpsRow[] Load(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<CpsRow>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            rows.Add(new CpsRow(
                csv.GetField<double>("earnings"),
                csv.GetField("gender") ?? string.Empty,
                csv.GetField<int>("age"),
                csv.GetField("region") ?? string.Empty,
                csv.GetField<int>("education")));
        }

        return [.. rows];
    }

    private static double[] Features(CpsRow r) =>
    [
        1,
        r.Age,
        r.Age * r.Age / 100.0,
        r.Education,
        r.Region == "Northeast" ? 1 : 0,
        r.Region == "Midwest" ? 1 : 0,
        r.Region == "West" ? 1 : 0,
    ];

    private static double MeanSquaredError(double[] predicted, double[] truth) =>
        predicted.Zip(truth, (p, t) => (p - t) * (p - t)).Average();
}

/// <summary>One CPS 2008 row.</summary>
/// <param name="Earnings">Hourly earnings in dollars.</param>
/// <param name="Gender">"male" or "female".</param>
/// <param name="Age">Age in years.</param>
/// <param name="Region">Census region.</param>
/// <param name="Education">Years of education.</param>
public sealed record CpsRow(double Earnings, string Gender, int Age, string Region, int Education);

/// <summary>The held-out half of the wage experiment, before and after correction.</summary>
/// <param name="Raw">The unaware model's predictions of log earnings.</param>
/// <param name="Corrected">The predictions after the barycenter correction.</param>
/// <param name="Groups">Each row's gender.</param>
/// <param name="Truth">The true log earnings.</param>
/// <param name="Before">The audit of the raw predictions.</param>
/// <param name="After">The audit of the corrected predictions.</param>
/// <param name="MseBefore">Mean squared error of the raw predictions.</param>
/// <param name="MseAfter">Mean squared error of the corrected predictions.</param>
public sealed record WageExperimentResult(
    double[] Raw,
    double[] Corrected,
    string[] Groups,
    double[] Truth,
    FairnessReport<string> Before,
    FairnessReport<string> After,
    double MseBefore,
    double MseAfter);
