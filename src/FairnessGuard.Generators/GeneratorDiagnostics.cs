using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FairnessGuard.Analyzers.Catalog;
using FairnessGuard.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Generators;

/// <summary>
/// The generator's diagnostics. Each one that is an error stands for "this method would run unguarded":
/// the build fails instead (a silently unguarded model is the worst outcome). The descriptors live in the one
/// catalog shared with the analyzer (src/FairnessGuard.Analyzers/Catalog/DiagnosticCatalog.cs).
/// </summary>
internal static class GeneratorDiagnostics
{
    /// <summary>FG1001: a decorated method is not partial, so nothing can route its outputs through a guard.</summary>
    public static readonly DiagnosticDescriptor NotPartial = DiagnosticCatalog.NotPartial;

    /// <summary>FG1002: the method's shape cannot be implemented by the generator.</summary>
    public static readonly DiagnosticDescriptor UnsupportedMethod = DiagnosticCatalog.UnsupportedMethod;

    /// <summary>FG1003: no parameter or parameter member supplies the policy's group key.</summary>
    public static readonly DiagnosticDescriptor GroupKeyNotFound = DiagnosticCatalog.GroupKeyNotFound;

    /// <summary>FG1004: a policy other than demographic parity, which the run-time guard cannot enforce.</summary>
    public static readonly DiagnosticDescriptor PolicyNotSupported = DiagnosticCatalog.PolicyNotSupported;

    /// <summary>FG1005: an attribute value the guard would reject at its construction.</summary>
    public static readonly DiagnosticDescriptor InvalidPolicyValue = DiagnosticCatalog.InvalidPolicyValue;

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
