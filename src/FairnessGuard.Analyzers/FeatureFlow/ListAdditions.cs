using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// The names code adds to a list of feature names: <c>names.Add("Income")</c> and <c>names.AddRange(other)</c>
/// statements anywhere in the method that declares a local list, or in the type that declares a private read-only list
/// field. Any other change — <c>Remove</c>, <c>Insert</c>, <c>Clear</c>, a
/// new value assigned, the list copied to another variable, returned or handed to a method outside <c>System</c> — or an added value that cannot be resolved makes
/// the list unknown (false): the rules then stay silent. Where the additions stand (a branch, a loop, after the use) is
/// not tracked; counting every addition can only make the features larger, never report a column the code keeps.
/// </summary>
internal static class ListAdditions
{
    private static readonly string[] Reads =
    {
        "ToArray", "ToList", "AsEnumerable", "Count", "Contains", "Select", "Where", "Any", "All", "IndexOf", "ToString",
        "GetEnumerator", "First", "FirstOrDefault", "Last", "ElementAt", "Distinct", "Concat", "OrderBy", "Skip", "Take",
    };

    public static bool TryAddAll(ISymbol list, ExpressionSyntax initializer, SemanticModel model, List<NamedColumn> result, Func<ExpressionSyntax, List<NamedColumn>, bool> resolve, CancellationToken token)
    {
        var scope = ScopeOf(list, initializer, token);
        if (scope is null)
        {
            return false;
        }

        foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != list.Name || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, token).Symbol, list))
            {
                continue;
            }

            // Cols, this.Cols, Owner.Cols: the expression that denotes the list.
            var reference = identifier.Parent is MemberAccessExpressionSyntax qualified && qualified.Name == identifier ? (ExpressionSyntax)qualified : identifier;
            switch (reference.Parent)
            {
                case MemberAccessExpressionSyntax access when access.Expression == reference:
                    var member = access.Name.Identifier.ValueText;
                    if (member is "Add" or "AddRange")
                    {
                        if (access.Parent is not InvocationExpressionSyntax { Parent: ExpressionStatementSyntax, ArgumentList.Arguments.Count: 1 } addition
                            || !resolve(addition.ArgumentList.Arguments[0].Expression, result))
                        {
                            return false;
                        }
                    }
                    else if (Array.IndexOf(Reads, member) < 0)
                    {
                        return false;
                    }

                    break;
                case ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax call }
                    when model.GetSymbolInfo(call, token).Symbol is IMethodSymbol { ContainingNamespace: { } ns } && IsSystem(ns):
                case ForEachStatementSyntax:
                case InterpolationSyntax:
                    break;
                default:
                    // Assigned, aliased (var other = names;), returned, handed to other code: no longer followed.
                    return false;
            }
        }

        return true;
    }

    // A local: its method (or lambda, or the top-level program). A private read-only field: its type, declared once (a
    // partial type or a field other types can reach may be filled where this tree does not show).
    private static SyntaxNode? ScopeOf(ISymbol list, ExpressionSyntax initializer, CancellationToken token) => list switch
    {
        ILocalSymbol => initializer.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax),
        IFieldSymbol { DeclaredAccessibility: Accessibility.Private, ContainingType.DeclaringSyntaxReferences.Length: 1 } field
            when field.ContainingType.DeclaringSyntaxReferences[0].SyntaxTree == initializer.SyntaxTree
            => field.ContainingType.DeclaringSyntaxReferences[0].GetSyntax(token),
        _ => null,
    };

    private static bool IsSystem(INamespaceSymbol ns)
    {
        while (ns.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            ns = parent;
        }

        return ns.Name == "System";
    }
}
