using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FairnessGuard.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Generators;

/// <summary>
/// The generator's diagnostics. Each one that is an error stands for "this method would run unguarded":
/// the build fails instead (a silently unguarded model is the worst outcome).
/// </summary>
internal static class GeneratorDiagnostics
{
    private const string Category = "FairnessGuard.Generator";

    /// <summary>FG1001: a decorated method is not partial, so nothing can route its outputs through a guard.</summary>
    public static readonly DiagnosticDescriptor NotPartial = new(
        "FG1001",
        "Decorated method is not partial",
        "'{0}' carries a fairness policy but is not a partial method declaration, so its outputs are not guarded; declare it 'partial' without a body and move the body to '{0}Core'",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>FG1002: the method's shape cannot be implemented by the generator.</summary>
    public static readonly DiagnosticDescriptor UnsupportedMethod = new(
        "FG1002",
        "Decorated method cannot be guarded",
        "'{0}' cannot be guarded: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>FG1003: no parameter or parameter member supplies the policy's group key.</summary>
    public static readonly DiagnosticDescriptor GroupKeyNotFound = new(
        "FG1003",
        "Group key of a policy not found",
        "'{0}': the group key '{1}' of the policy cannot be read: {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>FG1004: a policy other than demographic parity, which the run-time guard cannot enforce.</summary>
    public static readonly DiagnosticDescriptor PolicyNotSupported = new(
        "FG1004",
        "Policy not enforced at run time",
        "'{0}' carries the policy '{1}', which the run-time guard cannot enforce; only [DemographicParity] is generated",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>FG1005: an attribute value the guard would reject at its construction.</summary>
    public static readonly DiagnosticDescriptor InvalidPolicyValue = new(
        "FG1005",
        "Invalid policy value",
        "'{0}': {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById =
        new[] { NotPartial, UnsupportedMethod, GroupKeyNotFound, PolicyNotSupported, InvalidPolicyValue }.ToDictionary(d => d.Id);

    /// <summary>Captures a diagnostic as values for the pipeline.</summary>
    public static DiagnosticInfo Info(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
    {
        var span = location?.GetLineSpan();
        var text = location?.SourceSpan ?? default;
        return new DiagnosticInfo(
            descriptor.Id,
            span?.Path ?? string.Empty,
            text.Start,
            text.Length,
            span?.StartLinePosition.Line ?? 0,
            span?.StartLinePosition.Character ?? 0,
            span?.EndLinePosition.Line ?? 0,
            span?.EndLinePosition.Character ?? 0,
            new EquatableArray<string>(ImmutableArray.Create(arguments)));
    }

    /// <summary>Turns a captured diagnostic back into a reportable one.</summary>
    public static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var location = info.FilePath.Length == 0
            ? Location.None
            : Location.Create(
                info.FilePath,
                new Microsoft.CodeAnalysis.Text.TextSpan(info.Start, info.Length),
                new Microsoft.CodeAnalysis.Text.LinePositionSpan(
                    new Microsoft.CodeAnalysis.Text.LinePosition(info.StartLine, info.StartCharacter),
                    new Microsoft.CodeAnalysis.Text.LinePosition(info.EndLine, info.EndCharacter)));
        return Diagnostic.Create(ById[info.Id], location, info.Arguments.Cast<object>().ToArray());
    }
}
