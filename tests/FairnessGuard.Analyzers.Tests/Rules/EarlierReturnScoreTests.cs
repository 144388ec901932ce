using FairnessGuard.Analyzers.Tests.Harness;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// FG0001 on a scoring method whose score is returned before the end of its body (inside a <c>try</c>, an <c>if</c>,
/// a <c>switch</c> section), with the method's other returns being its other output paths: a fallback helper of the
/// same type returned as is (called by name or through <c>this.</c>) is followed like any plain helper, so its reads
/// count and the entity it is handed does not escape. Field test round 4 (a borrower's approval probability computed by a
/// hand-written logistic, with an inference-engine path and a heuristic fallback).
/// </summary>
public class EarlierReturnScoreTests
{
    private const string Borrower = """
        public sealed class Borrower
        {
            public double CreditScore { get; init; }
            public double Income { get; init; }
            public double Debt { get; init; }
            public int Age { get; init; }
            public string MaritalStatus { get; init; } = "";
        }

        public interface IEngine { double Infer(double creditScore, double income); }
        public interface IRiskModel { double Predict(Borrower b); }
        """;

    [Fact]
    public async Task AScoreReturnedInsideATryWithAFallbackHelperThroughThisIsReported()
    {
        var diagnostics = await new TestProject().WithSource(Borrower).WithSource("""
            public sealed class ApprovalModel(IEngine engine)
            {
                private bool _direct;
                private double _intercept = -2.0;

                public double PredictApprovalProbability(Borrower b)
                {
                    if (!_direct)
                    {
                        try
                        {
                            return engine.Infer(b.CreditScore, b.Income);
                        }
                        catch (System.InvalidOperationException)
                        {
                            _direct = true;
                        }
                    }

                    try
                    {
                        double z = _intercept + 0.5 * (b.CreditScore - 680) / 75 - 0.3 * b.Debt / System.Math.Max(1, b.Income);
                        double probability = 1.0 / (1.0 + System.Math.Exp(-z));
                        return {|FG0001:{|FG0001:probability|}|};
                    }
                    catch (System.ArithmeticException)
                    {
                        return this.Fallback(b);
                    }
                }

                private double Fallback(Borrower b)
                {
                    var p = 0.5;
                    if (b.CreditScore >= 740) p += 0.25;
                    if (b.Debt > b.Income * 3) p -= 0.2;
                    return System.Math.Max(0.01, System.Math.Min(0.99, p));
                }
            }
            """).VerifyAsync();

        var messages = diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(messages, m => m.Contains("'Borrower.Age' is available on 'Borrower' (parameter 'b')", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'Borrower.MaritalStatus' is available on 'Borrower' (parameter 'b')", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnArithmeticScoreInOneBranchIsReportedWhereItIsReturned()
    {
        await new TestProject().WithSource(Borrower).WithSource("""
            public static class Card
            {
                public static double Score(Borrower b)
                {
                    if (b.Income <= 0)
                    {
                        return 0;
                    }
                    else
                    {
                        return {|FG0001:{|FG0001:0.004 * b.CreditScore - 0.2 * b.Debt / b.Income|}|};
                    }
                }
            }
            """).VerifyAsync();
    }

    [Fact]
    public async Task TrapsWhereAnotherPathReadsTheAttributeOrTakesTheWholeEntityAreSilent()
    {
        await new TestProject().WithSource(Borrower).WithSource("""
            public sealed class Scores(IRiskModel model)
            {
                // The fallback that this method returns reads both attributes: they are used, nothing is dropped.
                public double PredictWithFallback(Borrower b)
                {
                    try
                    {
                        var z = 0.5 * b.CreditScore / 850 - 0.3 * b.Debt / (b.Income + 1);
                        return z;
                    }
                    catch (System.ArithmeticException)
                    {
                        return this.Fallback(b);
                    }
                }

                // Another path hands the whole borrower to a model: what it reads is unknown.
                public double PredictOrDelegate(Borrower b)
                {
                    if (b.Income > 0)
                    {
                        return 0.004 * b.CreditScore - 0.2 * b.Debt / b.Income;
                    }

                    return model.Predict(b);
                }

                // No path returns arithmetic: a lookup, not a score this reader can vouch for.
                public double ScoreFromTable(Borrower b)
                {
                    if (b.CreditScore > 700)
                    {
                        return Table(b.CreditScore);
                    }

                    return Table(b.Income);
                }

                private double Fallback(Borrower b) => b.Age < 25 || b.MaritalStatus == "Single" ? 0.4 : 0.6;

                private static double Table(double key) => key > 1000 ? 1 : 0;
            }

            // A returned expression of a lambda is not the method's output.
            public sealed class Weights
            {
                public System.Func<Borrower, double> Score(Borrower template)
                {
                    if (template.Income > 0)
                    {
                        return b => 0.004 * b.CreditScore - 0.2 * b.Debt;
                    }

                    return b => 0.0;
                }
            }
            """).VerifyAsync();
    }
}
