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
        if (outcome.Violation)
        {
            return $"VIOLATION: the KS unfairness {Numbers.F4(r.KsUnfairness)} has DKW lower bound {Numbers.F4(r.KsLowerBound)} > tolerance {tolerance}";
        }

        if (outcome.InsufficientEvidence)
        {
            var enough = r.Groups.Count - outcome.InsufficientGroups.Count;
            return $"INSUFFICIENT EVIDENCE: {enough} of {r.Groups.Count} groups have the {Numbers.Count(outcome.MinGroupSize)} rows needed to ever show a violation at tolerance {tolerance}; no verdict (KS unfairness {Numbers.F4(r.KsUnfairness)}, DKW lower bound {Numbers.F4(r.KsLowerBound)})";
        }

        return $"PASS: the KS unfairness {Numbers.F4(r.KsUnfairness)} has DKW lower bound {Numbers.F4(r.KsLowerBound)} <= tolerance {tolerance}";
    }

    /// <summary>The groups too small to count as evidence, listed (at most 20 named), or null when there are none.</summary>
    public static string? Insufficient(AuditOutcome outcome)
    {
        var small = outcome.InsufficientGroups;
        if (small.Count == 0)
        {
            return null;
        }

        var named = string.Join(", ", small.Take(20).Select(g => $"{Csv.TextCap.Echo(g.Group)} ({Numbers.Count(g.Count)})"));
        var more = small.Count > 20 ? $" and {Numbers.Count(small.Count - 20)} more" : string.Empty;
        return $"insufficient evidence: {Numbers.Count(small.Count)} group(s) under the minimum of {Numbers.Count(outcome.MinGroupSize)} rows (the DKW band at this tolerance and confidence is wider than any gap they could show): {named}{more}";
    }

    /// <summary>Which decisions the selection rates count.</summary>
    public static string FavorableText(AuditOutcome outcome) =>
        outcome.Settings.Favorable == Metrics.FavorableOutcome.Low ? "favourable = score < threshold" : "favourable = score >= threshold";
}
