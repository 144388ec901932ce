namespace FairnessGuard.Generators.Tests.Runtime;

public enum Race
{
    A,
    B,
}

public sealed record Applicant(double Income, Race Race, string Sex);

/// <summary>An instance method; its body (the "model") returns the income as the score.</summary>
public sealed partial class InstanceScorer
{
    public const string ScoreKey = "FairnessGuard.Generators.Tests.Runtime.InstanceScorer.Score";

    [DemographicParity(nameof(Applicant.Race))]
    public partial double Score(Applicant applicant);

    private double ScoreCore(Applicant applicant) => applicant.Income;
}

/// <summary>Static methods: async returns, a [Sensitive] parameter, and two policies on one method.</summary>
public static partial class StaticScorers
{
    public const string ScoreAsyncKey = "FairnessGuard.Generators.Tests.Runtime.StaticScorers.ScoreAsync";
    public const string ScoreFloatAsyncKey = "FairnessGuard.Generators.Tests.Runtime.StaticScorers.ScoreFloatAsync";
    public const string ScoreTwiceKey = "FairnessGuard.Generators.Tests.Runtime.StaticScorers.ScoreTwice";

    [DemographicParity(nameof(Applicant.Race))]
    public static partial Task<double> ScoreAsync(Applicant applicant);

    [DemographicParity(nameof(Applicant.Race), Mode = PolicyMode.Enforce)]
    internal static partial ValueTask<float> ScoreFloatAsync(double raw, [Sensitive] Race origin);

    [DemographicParity(nameof(Applicant.Race))]
    [DemographicParity(nameof(Applicant.Sex))]
    public static partial double ScoreTwice(Applicant applicant);

    private static async Task<double> ScoreAsyncCore(Applicant applicant)
    {
        await Task.Yield();
        return applicant.Income;
    }

    private static ValueTask<float> ScoreFloatAsyncCore(double raw, Race origin) => new((float)raw);

    private static double ScoreTwiceCore(Applicant applicant) => applicant.Income;
}

/// <summary>The policy on the type covers its public prediction method.</summary>
[DemographicParity(nameof(Applicant.Race))]
public sealed partial class TypeLevelScorer
{
    public const string ScoreKey = "FairnessGuard.Generators.Tests.Runtime.TypeLevelScorer.Score";

    public partial double Score(Applicant applicant);

    private double ScoreCore(Applicant applicant) => applicant.Income;
}
