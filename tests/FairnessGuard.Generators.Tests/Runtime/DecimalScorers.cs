namespace FairnessGuard.Generators.Tests.Runtime;

/// <summary>Decimal scores (a credit score held as money-like decimals): guarded as doubles by the generated part.</summary>
public sealed partial class DecimalScorer
{
    public const string ScoreKey = "FairnessGuard.Generators.Tests.Runtime.DecimalScorer.Score";
    public const string ScoreAsyncKey = "FairnessGuard.Generators.Tests.Runtime.DecimalScorer.ScoreAsync";

    [DemographicParity(nameof(Applicant.Race))]
    public partial decimal Score(Applicant applicant);

    [DemographicParity(nameof(Applicant.Race))]
    public partial Task<decimal> ScoreAsync(Applicant applicant);

    private decimal ScoreCore(Applicant applicant) => (decimal)applicant.Income;

    private async Task<decimal> ScoreAsyncCore(Applicant applicant)
    {
        await Task.Yield();
        return (decimal)applicant.Income;
    }
}
