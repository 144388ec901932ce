using System.Threading;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Model;

/// <summary>Whether a rule that is disabled by default has been switched on for a tree.</summary>
internal static class RuleConfiguration
{
    /// <summary>
    /// True when any source of severities names the rule with a severity other than <c>none</c>: the
    /// tree's <c>.editorconfig</c>, a global config, or the compilation (<c>/warnaserror+:ID</c>, a rule set).
    /// Bulk settings (<c>dotnet_analyzer_diagnostic.*</c>) never enable a rule that is disabled by default,
    /// so they are not consulted. When in doubt the answer is "enabled": the driver still applies the final
    /// severity, this only spares it diagnostics that would certainly be dropped.
    /// </summary>
    public static bool IsConfiguredOn(Compilation compilation, SyntaxTree tree, string id, CancellationToken token)
    {
        if (compilation.Options.SpecificDiagnosticOptions.TryGetValue(id, out var specific) && specific != ReportDiagnostic.Suppress)
        {
            return true;
        }

        var provider = compilation.Options.SyntaxTreeOptionsProvider;
        if (provider is null)
        {
            return false;
        }

        return (provider.TryGetDiagnosticValue(tree, id, token, out var local) && local != ReportDiagnostic.Suppress)
            || (provider.TryGetGlobalDiagnosticValue(id, token, out var global) && global != ReportDiagnostic.Suppress);
    }
}
