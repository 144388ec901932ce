namespace FairnessGuard.Analyzers.Options;

/// <summary>The .editorconfig keys of the analyzer, and their MSBuild-property fallbacks.</summary>
internal static class AnalyzerOptionKeys
{
    public const string SensitiveNames = "fairness_guard.sensitive_names";
    public const string ProxyNames = "fairness_guard.proxy_names";
    public const string NotSensitive = "fairness_guard.not_sensitive";
    public const string UseDefaultNames = "fairness_guard.use_default_names";
    public const string PredictionMethods = "fairness_guard.prediction_methods";

    public const string SensitiveNamesProperty = "build_property.FairnessGuardSensitiveNames";
    public const string ProxyNamesProperty = "build_property.FairnessGuardProxyNames";
    public const string NotSensitiveProperty = "build_property.FairnessGuardNotSensitive";
    public const string UseDefaultNamesProperty = "build_property.FairnessGuardUseDefaultNames";
    public const string PredictionMethodsProperty = "build_property.FairnessGuardPredictionMethods";
}
