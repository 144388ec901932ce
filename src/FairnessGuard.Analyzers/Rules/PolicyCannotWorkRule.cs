using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Rules;

/// <summary>FG0003: an output policy that cannot work (unknown member, or a return type that is not a score).</summary>
internal static class PolicyCannotWorkRule
{
    public const string ReasonKey = "Reason";
    public const string UnknownMember = "UnknownMember";
    public const string NotAScore = "NotAScore";

    public static readonly DiagnosticDescriptor Descriptor = Catalog.DiagnosticCatalog.PolicyCannotWork;

    public static Diagnostic MemberNotFound(Location location, string policy, string member, string method) =>
        Diagnostic.Create(Descriptor, location, System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(ReasonKey, UnknownMember),
            policy, $"names '{member}', which the inputs of '{method}' do not have");

    public static Diagnostic ReturnNotScore(Location location, string policy, string method, string returnType) =>
        Diagnostic.Create(Descriptor, location, System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(ReasonKey, NotAScore),
            policy, $"is on '{method}', whose return type '{returnType}' is not a score the guard can correct");
}
