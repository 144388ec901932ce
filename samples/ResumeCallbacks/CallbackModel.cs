namespace ResumeCallbacks;

/// <summary>
/// A logistic regression of the call-back on the resume, "fair through unawareness": gender and ethnicity
/// are left out of the features, the first name is kept (one-hot). The name carries both.
/// </summary>
public sealed class CallbackModel
{
    private const int Iterations = 400;
    private const double LearningRate = 0.5;
    private const double Ridge = 1e-3;
    private readonly Dictionary<string, int> _names;
    private readonly double[] _weights;

    private CallbackModel(Dictionary<string, int> names, double[] weights)
    {
        _names = names;
        _weights = weights;
    }

    /// <summary>Fits the model by full-batch gradient descent on the log loss with a small ridge penalty.</summary>
    public static CallbackModel Fit(IReadOnlyList<Resume> train)
    {
        var names = train.Select(r => r.FirstName).Distinct().Order(StringComparer.Ordinal).Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);
        var model = new CallbackModel(names, new double[names.Count + 5 + Resume.FlagColumns.Length]);
        var x = train.Select(model.ToFeatures).ToArray();
        var gradient = new double[model._weights.Length];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            Array.Clear(gradient);
            for (var i = 0; i < x.Length; i++)
            {
                var error = Sigmoid(Dot(model._weights, x[i])) - (train[i].CalledBack ? 1 : 0);
                for (var j = 0; j < gradient.Length; j++)
                {
                    gradient[j] += error * x[i][j] / x.Length;
                }
            }

            for (var j = 0; j < gradient.Length; j++)
            {
                model._weights[j] -= LearningRate * (gradient[j] + (Ridge * model._weights[j]));
            }
        }

        return model;
    }

    /// <summary>The predicted probability of a call-back.</summary>
    public double Predict(Resume r) => Sigmoid(Dot(_weights, ToFeatures(r)));

    // Gender and Ethnicity are not features; FirstName is, and it is a proxy for both (FG0002 says so at build time).
    private double[] ToFeatures(Resume r) =>
    [
        .. NameIndicators(r.FirstName),
        1,
        r.HighQuality ? 1 : 0,
        r.Experience / 10.0,
        r.Jobs / 4.0,
        r.City == "boston" ? 1 : 0,
        .. r.Flags.Select(flag => flag ? 1.0 : 0.0),
    ];

    private double[] NameIndicators(string firstName)
    {
        var indicators = new double[_names.Count];
        if (_names.TryGetValue(firstName, out var index))
        {
            indicators[index] = 1;
        }

        return indicators;
    }

    private static double Dot(double[] w, double[] x)
    {
        var s = 0.0;
        for (var j = 0; j < w.Length; j++)
        {
            s += w[j] * x[j];
        }

        return s;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
