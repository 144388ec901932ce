namespace FairnessGuard.Generators.Tests.Runtime;

/// <summary>
/// A partial method returning <c>decimal</c> is guarded like a double one (same parity check and DKW bound), and a
/// score the guard does not move comes back as the exact decimal the body returned, not a double round trip.
/// </summary>
public sealed class DecimalScoreTests
{
    [Fact]
    public Task DecimalMethodReturnsParityCorrectedScores()
    {
        var scorer = new DecimalScorer();
        return AssertCorrectsAsync(a => new ValueTask<double>((double)scorer.Score(a)), DecimalScorer.ScoreKey, seed: 21);
    }

    [Fact]
    public Task TaskOfDecimalMethodReturnsParityCorrectedScores()
    {
        var scorer = new DecimalScorer();
        return AssertCorrectsAsync(async a => (double)await scorer.ScoreAsync(a), DecimalScorer.ScoreAsyncKey, seed: 22);
    }

    [Fact]
    public void AnUncorrectedScoreKeepsEveryDecimalDigit()
    {
        // During warm-up the guard passes scores through: 0.1 + 0.2 has no exact double, and 28 significant digits
        // are more than a double holds; both must come back unchanged.
        using var scope = new RegistryScope();
        var scorer = new DecimalScorer();
        foreach (var income in new[] { 0.30000000000000004, 1234567.891 })
        {
            var applicant = new Applicant(income, Race.A, "F");
            Assert.Equal((decimal)income, scorer.Score(applicant));
        }

        Assert.False(scope.Guard<Race>(DecimalScorer.ScoreKey).IsCorrecting);
    }

    private static async Task AssertCorrectsAsync(Func<Applicant, ValueTask<double>> score, string methodKey, int seed)
    {
        using var scope = new RegistryScope();

        var (raw, returned) = await ParityCheck.RunAsync(score, () => scope.Guard<Race>(methodKey).RebuildNow(), seed);

        var guard = scope.Guard<Race>(methodKey);
        Assert.True(guard.IsCorrecting);
        ParityCheck.AssertCorrected(raw, returned);
    }
}
