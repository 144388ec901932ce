// One descriptor catalog for the analyzer and the generator: this file is compiled into both assemblies
// (linked by src/FairnessGuard.Generators/FairnessGuard.Generators.csproj), so an ID, its title, its
// severity and its help link are written once. docs/rules/<ID>.md documents each of them.
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Catalog;

/// <summary>
/// Every diagnostic of FairnessGuard, analyzer (FG0xxx) and generator (FG1xxx). The severity policy: a
/// warning has no false positives (a heuristic finding is reported at <see cref="DiagnosticSeverity.Info"/>
/// through the same descriptor); a policy that guards nothing, because it cannot work (FG0003) or because the
/// generator cannot implement it (FG1001–FG1005), is an error, so no CI gate passes it.
/// </summary>
internal static class DiagnosticCatalog
{
    /// <summary>Category of the analyzer's rules.</summary>
    public const string FairnessCategory = "Fairness";

    /// <summary>Category of the generator's diagnostics.</summary>
    public const string GeneratorCategory = "FairnessGuard.Generator";

    /// <summary>The help page of a rule, in this repository's docs/rules folder.</summary>
    /// <param name="id">The rule ID, e.g. FG0001.</param>
    /// <returns>The absolute address of the rule's page.</returns>
    public static string HelpUri(string id) =>
        "https://github.com/fairnessguard/fairnessguard/blob/main/docs/rules/" + id + ".md";

    /// <summary>FG0001: a sensitive attribute is dropped from a model's features and nothing constrains the outputs.</summary>
    public static readonly DiagnosticDescriptor SensitiveAttributeDropped = new(
        "FG0001",
        title: "Sensitive attribute dropped without an output constraint",
        messageFormat: "'{0}' is available on {1} but is {2}, and nothing constrains the model's outputs: dropping it does not make the model fair, state the requirement on the outputs instead, such as {3}",
        category: FairnessCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Fairness through unawareness: proxies still carry the dropped attribute, and nothing measures the outputs any more. Add an output policy (a FairnessConstraintAttribute such as DemographicParity) to the prediction method, its type or its assembly, or append DemographicParity to the ML.NET pipeline.",
        helpLinkUri: HelpUri("FG0001"));

    /// <summary>FG0002: a known proxy is kept as a feature while the attribute is dropped.</summary>
    public static readonly DiagnosticDescriptor ProxyKept = new(
        "FG0002",
        title: "Proxy kept while the protected attribute is dropped",
        messageFormat: "'{0}' is a known proxy of protected attributes and is {1} while '{2}' is dropped: the model can learn '{2}' from it; constrain the outputs instead",
        category: FairnessCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Postcodes, names, relationships, neighbourhoods and languages correlate with race, sex and national origin. Dropping the protected attribute while keeping them hides the attribute from review but not from the model.",
        helpLinkUri: HelpUri("FG0002"));

    /// <summary>FG0003: an output policy that cannot work.</summary>
    public static readonly DiagnosticDescriptor PolicyCannotWork = new(
        "FG0003",
        title: "Output policy that cannot work",
        messageFormat: "Output policy [{0}] {1}",
        category: FairnessCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A policy must name a member (or parameter) of the prediction method's inputs that holds the group, and the method must return a score the run-time guard can correct (float, double, decimal, a batch or task of them, or a type with such a member).",
        helpLinkUri: HelpUri("FG0003"));

    /// <summary>FG0004 (opt-in): a sensitive attribute used directly as a feature.</summary>
    public static readonly DiagnosticDescriptor SensitiveAttributeUsed = new(
        "FG0004",
        title: "Sensitive attribute used directly as a feature with no output constraint",
        messageFormat: "'{0}' is used directly as a feature and nothing constrains the model's outputs (disparate treatment): add an output policy or justify the use",
        category: FairnessCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: false,
        description: "Using a protected attribute as an input is disparate treatment, a different defect from unawareness; it is sometimes lawful and intended, so the rule is opt-in.",
        helpLinkUri: HelpUri("FG0004"));

    /// <summary>FG1001: a decorated method is not partial, so nothing routes its outputs through a guard.</summary>
    public static readonly DiagnosticDescriptor NotPartial = new(
        "FG1001",
        title: "Decorated method is not partial",
        messageFormat: "'{0}' carries a fairness policy but is not a partial method declaration, so its outputs are not guarded; declare it 'partial' without a body and move the body to '{0}Core'",
        category: GeneratorCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A policy that guards nothing is an error: the method would run unguarded while the analyzer counts the policy as satisfied. The code fix makes the method partial and moves its body to <Name>Core (Fix All supported).",
        helpLinkUri: HelpUri("FG1001"));

    /// <summary>FG1002: the method's shape cannot be implemented by the generator.</summary>
    public static readonly DiagnosticDescriptor UnsupportedMethod = new(
        "FG1002",
        title: "Decorated method cannot be guarded",
        messageFormat: "'{0}' cannot be guarded: {1}",
        category: GeneratorCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpUri("FG1002"));

    /// <summary>FG1003: no parameter or parameter member supplies the policy's group key.</summary>
    public static readonly DiagnosticDescriptor GroupKeyNotFound = new(
        "FG1003",
        title: "Group key of a policy not found",
        messageFormat: "'{0}': the group key '{1}' of the policy cannot be read: {2}",
        category: GeneratorCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpUri("FG1003"));

    /// <summary>FG1004: a policy other than demographic parity, which the run-time guard cannot enforce.</summary>
    public static readonly DiagnosticDescriptor PolicyNotSupported = new(
        "FG1004",
        title: "Policy not enforced at run time",
        messageFormat: "'{0}' carries the policy '{1}', which the run-time guard cannot enforce; only [DemographicParity] is generated",
        category: GeneratorCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpUri("FG1004"));

    /// <summary>FG1005: an attribute value the guard would reject at its construction.</summary>
    public static readonly DiagnosticDescriptor InvalidPolicyValue = new(
        "FG1005",
        title: "Invalid policy value",
        messageFormat: "'{0}': {1}",
        category: GeneratorCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpUri("FG1005"));

    /// <summary>Every descriptor, analyzer and generator.</summary>
    public static DiagnosticDescriptor[] All { get; } =
    {
        SensitiveAttributeDropped, ProxyKept, PolicyCannotWork, SensitiveAttributeUsed,
        NotPartial, UnsupportedMethod, GroupKeyNotFound, PolicyNotSupported, InvalidPolicyValue,
    };
}
