using FairnessGuard.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Tests.Rules;

/// <summary>
/// FG0001 on a LINQ projection into a DTO that reaches a scorer through a mapping call (issue 14.3): a method
/// group (<c>Select(scorer.Score)</c>) or a lambda handing its element whole to the prediction.
/// </summary>
public class ProjectionIntoScorerTests
{
    private const string Types = """
        public sealed class Customer
        {
            public double MonthlySpend { get; init; }
            public int SupportTickets { get; init; }
            public string Gender { get; init; } = "";
        }

        public sealed record ChurnRequest(double MonthlySpend, int SupportTickets);

        public sealed record ChurnOutput(double Score);

        public interface IChurnModel { ChurnOutput Predict(ChurnRequest request); }
        """;

    [Theory]
    [InlineData("r => model.Predict(r)")]
    [InlineData("r => model.Predict(r).Score")]
    [InlineData("(ChurnRequest r) => model.Predict(r)")]
    [InlineData("model.Predict")]
    public async Task AProjectionHandedWholeToThePredictionIsAModelInput(string mapping)
    {
        var diagnostics = await new TestProject().WithSource(Types).WithSource($$"""
            public sealed class ChurnBatch(IChurnModel model)
            {
                public List<object> ScoreAll(IEnumerable<Customer> customers) =>
                    customers.Select(c => {|FG0001:new ChurnRequest(c.MonthlySpend, c.SupportTickets)|}).Select({{mapping}}).Cast<object>().ToList();
            }
            """).VerifyAsync();

        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics).Severity);
    }

    [Theory]
    [InlineData("r => model.Predict(new ChurnRequest(r.MonthlySpend, 0))")]
    [InlineData("r => Log(r)")]
    [InlineData("r => r.MonthlySpend")]
    public async Task TrapALambdaThatDoesNotHandTheElementToAPredictionIsNotOne(string mapping)
    {
        await new TestProject().WithSource(Types).WithSource($$"""
            public sealed class ChurnBatch(IChurnModel model)
            {
                public List<object> Export(IEnumerable<Customer> customers) =>
                    customers.Select(c => new ChurnRequest(c.MonthlySpend, c.SupportTickets)).Select({{mapping}}).Cast<object>().ToList();

                private static string Log(ChurnRequest request) => request.ToString();
            }
            """).VerifyAsync();
    }
}
