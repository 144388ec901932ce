using FairnessGuard.Registry;

namespace LoanApproval;

/// <summary>
/// The demo: train the unaware model on half of the applications, then serve the other half in order
/// through the guarded scorer, which learns the groups' score distributions online and corrects them.
/// Decisions deny when the score reaches the threshold that reproduces the training half's denial rate.
/// </summary>
public static class LoanExperiment
{
    /// <summary>The data file, next to the program.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "hmda.csv");

    /// <summary>Runs the demo.</summary>
    /// <param name="path">hmda.csv.</param>
    /// <param name="seed">Seed of the train/serve split.</param>
    /// <param name="evaluatedShare">The last share of the served stream that is evaluated (after the guard has warmed up).</param>
    /// <returns>Per-group denial rates before and after, accuracy, and the guard's own report.</returns>
    public static LoanResult Run(string path, int seed = 1996, double evaluatedShare = 0.6)
    {
        var applicants = Applicant.Load(path);
        new Random(seed).Shuffle(applicants);
        var half = applicants.Length / 2;
        var training = applicants[..half];
        var served = applicants[half..];
        var model = UnawareLoanModel.Train(training);

        // Deny the same share as the training half was denied.
        var trainingScores = training.Select(model.Predict).Order().ToArray();
        var baseRate = training.Count(a => a.Denied) / (double)training.Length;
        var threshold = trainingScores[(int)((1 - baseRate) * (trainingScores.Length - 1))];

        // A small data set: rebuild the map often and inline, so the guard is correcting within the stream.
        using var registry = new GuardRegistry(new FairnessGuardOptions
        {
            ConfigurePolicy = (_, o) => (o.RebuildEvery, o.BackgroundRebuild, o.Thresholds, o.Seed) = (32, false, [threshold], (ulong)seed),
        });
        var previous = GuardRegistry.Default;
        GuardRegistry.Default = registry;
        try
        {
            var scorer = new GuardedLoanScorer(model);
            var raw = new double[served.Length];
            var fair = new double[served.Length];
            for (var i = 0; i < served.Length; i++)
            {
                raw[i] = model.Predict(served[i]);
                fair[i] = scorer.DenialScore(served[i]);
            }

            var from = (int)(served.Length * (1 - evaluatedShare));
            var evaluated = served[from..];
            var guard = registry.Guards.Single();
            return new LoanResult(
                threshold,
                evaluated.Length,
                [.. Enum.GetValues<Race>().Select(r => Rates(r, evaluated, raw[from..], fair[from..], threshold))],
                Accuracy(evaluated, raw[from..], threshold),
                Accuracy(evaluated, fair[from..], threshold),
                guard.GetReport());
        }
        finally
        {
            GuardRegistry.Default = previous;
        }
    }

    private static GroupRates Rates(Race race, Applicant[] applicants, double[] raw, double[] fair, double threshold)
    {
        var rows = Enumerable.Range(0, applicants.Length).Where(i => applicants[i].Race == race).ToArray();
        double Share(Func<int, bool> denied) => rows.Count(denied) / (double)rows.Length;
        return new GroupRates(race, rows.Length, Share(i => applicants[i].Denied), Share(i => raw[i] >= threshold), Share(i => fair[i] >= threshold));
    }

    private static double Accuracy(Applicant[] applicants, double[] scores, double threshold) =>
        Enumerable.Range(0, applicants.Length).Count(i => (scores[i] >= threshold) == applicants[i].Denied) / (double)applicants.Length;
}

/// <summary>Denial rates of one group.</summary>
/// <param name="Race">The group.</param>
/// <param name="Count">Applications evaluated.</param>
/// <param name="Actual">Share the banks actually denied.</param>
/// <param name="Unaware">Share the unaware model denies.</param>
/// <param name="Guarded">Share the guarded model denies.</param>
public sealed record GroupRates(Race Race, int Count, double Actual, double Unaware, double Guarded);

/// <summary>The outcome of the demo.</summary>
/// <param name="Threshold">The denial threshold on the score.</param>
/// <param name="Evaluated">Applications evaluated.</param>
/// <param name="Groups">Denial rates per race.</param>
/// <param name="UnawareAccuracy">Accuracy of the unaware model's decisions.</param>
/// <param name="GuardedAccuracy">Accuracy of the guarded model's decisions.</param>
/// <param name="Guard">The guard's report (KS of raw and returned scores, counts).</param>
public sealed record LoanResult(double Threshold, int Evaluated, IReadOnlyList<GroupRates> Groups, double UnawareAccuracy, double GuardedAccuracy, FairnessGuard.Guard.GuardReport Guard)
{
    /// <summary>The four-fifths ratio of approval rates (lowest over highest) for a choice of rates.</summary>
    /// <param name="denial">Picks a group's denial rate.</param>
    /// <returns>The ratio; under 0.8 fails the rule.</returns>
    public double ApprovalRatio(Func<GroupRates, double> denial) =>
        Groups.Min(g => 1 - denial(g)) / Groups.Max(g => 1 - denial(g));
}
