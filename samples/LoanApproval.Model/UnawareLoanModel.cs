using MathNet.Numerics.LinearAlgebra;

namespace LoanApproval;

/// <summary>
/// The "unaware" model the law asks for: a logistic regression of denial that never reads the applicant's
/// race. Credit history, debt ratios and insurance denials still carry it, and nothing constrains the
/// scores — the FairnessGuard analyzer reports FG0001 on the feature vector below.
/// </summary>
public sealed class UnawareLoanModel
{
    private readonly double[] _weights;

    private UnawareLoanModel(double[] weights) => _weights = weights;

    /// <summary>Fits the model by Newton–Raphson (IRLS) with a small ridge penalty.</summary>
    /// <param name="training">The training applications.</param>
    /// <returns>The fitted model.</returns>
    public static UnawareLoanModel Train(IReadOnlyList<Applicant> training)
    {
        var x = Matrix<double>.Build.DenseOfRowArrays(training.Select(ToFeatures));
        var y = Vector<double>.Build.DenseOfEnumerable(training.Select(a => a.Denied ? 1.0 : 0.0));
        var w = Vector<double>.Build.Dense(x.ColumnCount);
        const double ridge = 1e-3;
        for (var iteration = 0; iteration < 30; iteration++)
        {
            var p = (x * w).Map(Sigmoid);
            var weights = p.Map(v => v * (1 - v));
            var hessian = (x.TransposeThisAndMultiply(x.MapIndexed((i, _, v) => v * weights[i]))) + (Matrix<double>.Build.DenseIdentity(x.ColumnCount) * ridge);
            var gradient = x.TransposeThisAndMultiply(y - p) - (w * ridge);
            var step = hessian.Solve(gradient);
            w += step;
            if (step.L2Norm() < 1e-9)
            {
                break;
            }
        }

        return new UnawareLoanModel([.. w]);
    }

    /// <summary>The probability of denial the model predicts.</summary>
    /// <param name="applicant">The application.</param>
    /// <returns>A score in (0, 1).</returns>
    public double Predict(Applicant applicant)
    {
        var features = ToFeatures(applicant);
        double z = 0;
        for (var i = 0; i < features.Length; i++)
        {
            z += features[i] * _weights[i];
        }

        return Sigmoid(z);
    }

    // Every column of the application except Race: "fairness through unawareness".
    private static double[] ToFeatures(Applicant a) =>
    [
        1,
        a.PaymentToIncome,
        a.HousingToIncome,
        a.LoanToValue,
        a.ConsumerCredit,
        a.MortgageCredit,
        a.PublicRecord ? 1 : 0,
        a.Unemployment,
        a.SelfEmployed ? 1 : 0,
        a.InsuranceDenied ? 1 : 0,
        a.Condominium ? 1 : 0,
        a.Single ? 1 : 0,
        a.HighSchool ? 1 : 0,
    ];

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
