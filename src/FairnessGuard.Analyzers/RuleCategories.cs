namespace FairnessGuard.Analyzers;

/// <summary>Diagnostic categories used by the FairnessGuard rules.</summary>
internal static class RuleCategories
{
    public const string Fairness = "Fairness";
}
