namespace FairnessGuard.Analyzers;

/// <summary>Every rule ID of the FairnessGuard analyzer, in one place.</summary>
public static class RuleIdentifiers
{
    /// <summary>A sensitive attribute is dropped from a model's features and nothing constrains the outputs.</summary>
    public const string SensitiveAttributeDropped = "FG0001";

    /// <summary>A known proxy of a sensitive attribute is kept as a feature while the attribute is dropped.</summary>
    public const string ProxyKept = "FG0002";

    /// <summary>An output policy that cannot work: unknown member, or a return type that is not a score.</summary>
    public const string PolicyCannotWork = "FG0003";

    /// <summary>A sensitive attribute is used directly as a feature and nothing constrains the outputs.</summary>
    public const string SensitiveAttributeUsed = "FG0004";

    /// <summary>
    /// A method the generator must implement (it or its type carries <c>[DemographicParity]</c>) is not partial, so it runs
    /// unguarded. Reported by the generator too, which stays silent while analyzers run in the build.
    /// </summary>
    public const string NotPartial = "FG1001";

    /// <summary>The help page of a rule, in this repository's docs/rules folder.</summary>
    /// <param name="id">The rule ID, e.g. FG0001.</param>
    /// <returns>The absolute address of the rule's page.</returns>
    public static string GetHelpUri(string id) => Catalog.DiagnosticCatalog.HelpUri(id);
}
