using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>Which variable (or <c>this</c>) a name reads an instance member of: from the method's signature where it can, bound otherwise.</summary>
internal sealed partial class EntityReads
{
    /// <summary>
    /// The variable (or type, for <c>this</c>) that the name reads an instance property or field of, or null.
    /// A member read from a parameter of the method is resolved from the method's signature, without binding
    /// the body; anything else (locals, <c>this</c>, names inside lambdas that could shadow) is bound.
    /// </summary>
    private ISymbol? ReadOf(SimpleNameSyntax name, string receiver)
    {
        var model = _model;
        var token = Token;
        if (receiver != "this" && ParameterNamed(_parameters, receiver) is { } parameter && !InsideNestedFunction(name, _scan.Block))
        {
            return InstanceDataMember(parameter.Type, name.Identifier.ValueText) ? parameter : null;
        }

        var member = model.GetSymbolInfo(name, token).Symbol;
        if (member is not (IPropertySymbol or IFieldSymbol) || name.Parent is null)
        {
            return null;
        }

        ISymbol? source = receiver == "this"
            ? member.ContainingType
            : model.GetSymbolInfo(((MemberAccessExpressionSyntax)name.Parent).Expression, token).Symbol;

        // A type-qualified name (Row.Income, e.g. in a column pair or an attribute) reads no instance.
        if (receiver != "this" && source is ITypeSymbol)
        {
            return null;
        }

        return source is null || (receiver == "this" && member.IsStatic) ? null : source;
    }

    private static IParameterSymbol? ParameterNamed(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, string name)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Name == name)
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>Inside a lambda, local function or query, a name may be the nested function's own variable.</summary>
    public static bool InsideNestedFunction(SyntaxNode node, SyntaxNode block)
    {
        for (var current = node.Parent; current is not null && current != block; current = current.Parent)
        {
            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or QueryExpressionSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the type (or a base type or interface) has an instance property or field of that name.</summary>
    private static bool InstanceDataMember(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (HasInstanceData(current, name))
            {
                return true;
            }
        }

        foreach (var iface in type.AllInterfaces)
        {
            if (HasInstanceData(iface, name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasInstanceData(ITypeSymbol type, string name)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (!member.IsStatic && member is IPropertySymbol or IFieldSymbol)
            {
                return true;
            }
        }

        return false;
    }
}
