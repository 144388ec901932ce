using FairnessGuard.Cli.Audit;

namespace FairnessGuard.Cli.Output;

/// <summary>The one-line verdict every format ends with.</summary>
internal static class Verdict
{
    /// <summary>"PASS …" or "VIOLATION …" with the numbers that decided it.</summary>
    public static string Describe(AuditOutcome outcome)
    {
        var r = outcome.Figures;
        var tolerance = Numbers.F4(outcome.Settings.Tolerance);
        return outcome.Violation
            ? $"VIOLATION: the KS unfairness {Numbers.F4(r.KsUnfairness)} has DKW lower bound {Numbers.F4(r.KsLowerBound)} > tolerance {tolerance}"
            : $"PASS: the KS unfairness {Numbers.F4(r.KsUnfairness)} has DKW lower bound {Numbers.F4(r.KsLowerBound)} <= tolerance {tolerance}";
    }
}
