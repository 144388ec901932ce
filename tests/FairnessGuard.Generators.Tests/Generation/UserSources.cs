namespace FairnessGuard.Generators.Tests.Generation;

/// <summary>User code the generator runs on, one shape per scenario.</summary>
internal static class UserSources
{
    public const string Domain = """
        namespace Loans;

        public enum Race { A, B }

        public sealed class Applicant
        {
            public double Income { get; init; }
            public Race Race { get; init; }
            public string? Sex { get; init; }
        }
        """;

    public const string InstanceMethod = """
        using FairnessGuard;

        namespace Loans;

        public partial class LoanModel
        {
            [DemographicParity(nameof(Applicant.Race), Tolerance = 0.02)]
            public partial double Score(Applicant applicant);

            private double ScoreCore(Applicant applicant) => applicant.Income / 1000;
        }
        """;

    public const string StaticAsyncSensitiveParameter = """
        using System.Threading.Tasks;
        using FairnessGuard;

        namespace Loans.Scoring;

        internal static partial class Scores
        {
            [DemographicParity("Region", Mode = PolicyMode.Monitor, Strength = 0.5)]
            internal static partial ValueTask<float> ScoreAsync(double income, [Sensitive] string zone);

            private static ValueTask<float> ScoreAsyncCore(double income, string zone) => new((float)income);
        }
        """;

    public const string TwoPolicies = """
        using System.Threading.Tasks;
        using FairnessGuard;

        namespace Loans;

        public sealed partial class TwoPolicyModel
        {
            [DemographicParity(nameof(Applicant.Race))]
            [DemographicParity(nameof(Applicant.Sex), WarmUp = 500, Tolerance = 1e-3)]
            public partial Task<double> ScoreAsync(Applicant applicant);

            private Task<double> ScoreAsyncCore(Applicant applicant) => Task.FromResult(applicant.Income);
        }
        """;

    public const string NestedGenericOverloads = """
        using FairnessGuard;

        namespace Loans;

        public static partial class Outer
        {
            internal partial record Scorer<T>
            {
                [DemographicParity(nameof(Applicant.Race))]
                public partial float Score(in Applicant applicant, params double[] extra);

                [DemographicParity("race")]
                protected internal virtual partial float Score(Race race, ref int calls);

                private float ScoreCore(in Applicant applicant, params double[] extra) => (float)applicant.Income;

                private float ScoreCore(Race race, ref int calls) => calls++;
            }
        }
        """;

    public const string GlobalNamespace = """
        using FairnessGuard;

        public partial class GlobalModel
        {
            [DemographicParity(nameof(Loans.Applicant.Sex))]
            public partial double Score(Loans.Applicant? @class);

            private double ScoreCore(Loans.Applicant? @class) => 0.5;
        }
        """;

    public const string TypeLevelPolicy = """
        using FairnessGuard;

        namespace Loans;

        [DemographicParity(nameof(Applicant.Race))]
        public partial class TypeLevelModel
        {
            public partial double Score(Applicant applicant);

            [DemographicParity(nameof(Applicant.Sex))]
            public partial double ScoreBoth(Applicant applicant);

            public double Threshold() => 0.5;

            public string Describe(Applicant applicant) => applicant.Sex ?? "";

            public double ScoreCore(Applicant applicant) => applicant.Income;

            private double ScoreBothCore(Applicant applicant) => applicant.Income;
        }
        """;
}
