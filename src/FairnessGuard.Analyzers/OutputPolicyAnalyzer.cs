using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FairnessGuard.Analyzers.Model;
using FairnessGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Analyzers;

/// <summary>
/// FG0003: checks every output policy (<c>FairnessConstraintAttribute</c>) against its method: the member
/// it names must exist on the method's inputs, and the method must return a score. FG1001: a method the
/// generator must implement is not partial (see <see cref="NotPartialRule"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OutputPolicyAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(PolicyCannotWorkRule.Descriptor, NotPartialRule.Descriptor);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Resolved at the first symbol, not here: at compilation start the compiler has not bound the
            // references yet, and the analyzer that asks first pays for it (see Model.KnownTypes).
            var compilation = start.Compilation;
            var constraint = new Lazy<INamedTypeSymbol?>(() => KnownTypes.Find(compilation, "FairnessGuard.FairnessConstraintAttribute", KnownTypes.FairnessGuardAssemblyPrefix));
            var demographicParity = new Lazy<INamedTypeSymbol?>(() => KnownTypes.Find(compilation, NotPartialRule.DemographicParityName, KnownTypes.FairnessGuardAssemblyPrefix));
            start.RegisterSymbolAction(
                symbol =>
                {
                    if (constraint.Value is { } type)
                    {
                        AnalyzeMethod(symbol, type);
                        if (demographicParity.Value is { } parity && NotPartialRule.Check((IMethodSymbol)symbol.Symbol, parity, symbol.CancellationToken) is { } notPartial)
                        {
                            symbol.ReportDiagnostic(notPartial);
                        }
                    }
                },
                SymbolKind.Method);
            start.RegisterSymbolAction(
                symbol =>
                {
                    if (constraint.Value is { } type)
                    {
                        AnalyzeType(symbol, type);
                    }
                },
                SymbolKind.NamedType);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, INamedTypeSymbol constraint)
    {
        var method = (IMethodSymbol)context.Symbol;
        foreach (var attribute in method.GetAttributes())
        {
            if (!PolicyIndex.DerivesFrom(attribute.AttributeClass, constraint) || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax)
            {
                continue;
            }

            var policy = attribute.AttributeClass!.Name.Replace("Attribute", string.Empty);
            if (!PolicyInputs.IsScore(method.ReturnType))
            {
                context.ReportDiagnostic(PolicyCannotWorkRule.ReturnNotScore(syntax.GetLocation(), policy, method.Name, method.ReturnType.ToDisplayString()));
            }

            if (MemberArgument(attribute, syntax) is { } member && !PolicyInputs.MayHaveMember(method, member.Name))
            {
                context.ReportDiagnostic(PolicyCannotWorkRule.MemberNotFound(member.Location, policy, member.Name, method.Name));
            }
        }
    }

    /// <summary>On a type, the policy covers its public prediction methods: one of them must have the member.</summary>
    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol constraint)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        List<IMethodSymbol>? methods = null;
        foreach (var attribute in type.GetAttributes())
        {
            if (!PolicyIndex.DerivesFrom(attribute.AttributeClass, constraint)
                || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax
                || MemberArgument(attribute, syntax) is not { } member)
            {
                continue;
            }

            // Only for a type that carries a policy: the public prediction methods it covers.
            methods ??= type.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility == Accessibility.Public && m.Parameters.Length > 0)
                .ToList();
            if (methods.Count > 0 && !methods.Any(m => PolicyInputs.MayHaveMember(m, member.Name)))
            {
                var policy = attribute.AttributeClass!.Name.Replace("Attribute", string.Empty);
                context.ReportDiagnostic(PolicyCannotWorkRule.MemberNotFound(member.Location, policy, member.Name, type.Name));
            }
        }
    }

    private static (string Name, Location Location)? MemberArgument(AttributeData attribute, AttributeSyntax syntax)
    {
        if (attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not string name
            || string.IsNullOrWhiteSpace(name) || syntax.ArgumentList is not { Arguments.Count: > 0 } arguments)
        {
            return null;
        }

        return (name, arguments.Arguments[0].GetLocation());
    }
}
