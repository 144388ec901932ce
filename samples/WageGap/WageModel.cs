using System.Globalization;
using CsvHelper;
using MathNet.Numerics.LinearRegression;

namespace WageGap;

/// <summary>One CPS 2008 worker (cpssw8.csv).</summary>
/// <param name="Earnings">Hourly earnings in dollars.</param>
/// <param name="Gender">"male" or "female": never a feature of the model.</param>
/// <param name="Age">Age in years.</param>
/// <param name="Region">Census region.</param>
/// <param name="Education">Years of education.</param>
public sealed record Worker(double Earnings, string Gender, int Age, string Region, int Education);

/// <summary>
/// A least-squares model of log hourly earnings from age, education and region that ignores gender
/// ("fairness through unawareness"); it predicts dollars per hour.
/// </summary>
public sealed class WageModel
{
    private readonly double[] _coefficients;

    private WageModel(double[] coefficients) => _coefficients = coefficients;

    /// <summary>Fits the model on the training workers.</summary>
    public static WageModel Fit(IReadOnlyCollection<Worker> train) =>
        new(MultipleRegression.QR(train.Select(Features).ToArray(), train.Select(w => Math.Log(w.Earnings)).ToArray(), intercept: false));

    /// <summary>The predicted hourly wage in dollars.</summary>
    public double Predict(Worker w) => Math.Exp(Features(w).Select((x, i) => x * _coefficients[i]).Sum());

    /// <summary>Reads cpssw8.csv.</summary>
    public static List<Worker> Load(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var workers = new List<Worker>();
        while (csv.Read())
        {
            workers.Add(new Worker(csv.GetField<double>("earnings"), csv.GetField("gender")!, csv.GetField<int>("age"), csv.GetField("region")!, csv.GetField<int>("education")));
        }

        return workers;
    }

    /// <summary>Writes workers with the model's prediction as the column <c>predicted_wage</c>.</summary>
    public void WritePredictions(string path, IEnumerable<Worker> workers)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField(new[] { "earnings", "gender", "age", "region", "education", "predicted_wage" });
        csv.NextRecord();
        foreach (var w in workers)
        {
            csv.WriteField(w.Earnings);
            csv.WriteField(w.Gender);
            csv.WriteField(w.Age);
            csv.WriteField(w.Region);
            csv.WriteField(w.Education);
            csv.WriteField(Predict(w));
            csv.NextRecord();
        }
    }

    private static double[] Features(Worker w) =>
        [1, w.Age, w.Age * w.Age / 100.0, w.Education, w.Region == "Northeast" ? 1 : 0, w.Region == "Midwest" ? 1 : 0, w.Region == "West" ? 1 : 0];
}
