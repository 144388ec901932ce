using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// Which names of a block are worth binding when looking for the entity a feature set reads, decided without
/// binding: a bare name can only read an instance field or property of <c>this</c> if a type in scope (the
/// containing types, their base types and interfaces) has a member of that name, and a receiver can only be a
/// local or a parameter if a variable or parameter of that name is declared in the block (or by an enclosing
/// type's parameter list, or is the implicit <c>value</c> / <c>args</c>). Anything else binds to a symbol the
/// readers discard, so skipping it changes no finding. Where the names cannot be known from here (no method,
/// a partial type whose other parts may declare primary-constructor parameters, a type kind not listed), every
/// name is a candidate, as before.
/// </summary>
internal sealed class ReadCandidates
{
    private readonly SyntaxNode _block;
    private readonly INamedTypeSymbol? _type;
    private HashSet<string>? _members;
    private HashSet<string>? _variables;
    private bool _membersKnown;
    private bool _variablesKnown;

    public ReadCandidates(SyntaxNode block, IMethodSymbol? method)
    {
        _block = block;
        _type = method?.ContainingType;
    }

    /// <summary>Whether a bare name (read from <c>this</c>) may bind to an instance field or property.</summary>
    public bool MayBeMember(SimpleNameSyntax name)
    {
        // A property pattern's, an anonymous type's or an attribute's member name binds to another type's member.
        if (name.Parent is BaseExpressionColonSyntax or NameEqualsSyntax)
        {
            return true;
        }

        if (!_membersKnown)
        {
            _members = MemberNames();
            _membersKnown = true;
        }

        return _members is null || _members.Contains(name.Identifier.ValueText);
    }

    /// <summary>The distinct names of a receiver's group that may be read (for <c>this</c>, only those <see cref="MayBeMember"/> keeps).</summary>
    public int Count(List<SimpleNameSyntax> names, bool isThis)
    {
        var distinct = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!isThis || MayBeMember(name))
            {
                distinct.Add(name.Identifier.ValueText);
            }
        }

        return distinct.Count;
    }

    /// <summary>Whether a receiver name may bind to a local or a parameter.</summary>
    public bool MayBeVariable(string receiver)
    {
        if (!_variablesKnown)
        {
            _variables = VariableNames();
            _variablesKnown = true;
        }

        return _variables is null || _variables.Contains(receiver);
    }

    private HashSet<string>? MemberNames()
    {
        if (_type is null || !OrdinaryTypes(_block))
        {
            return null;
        }

        var names = new HashSet<string>(System.StringComparer.Ordinal);
        for (var type = _type; type is not null; type = type.ContainingType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                names.UnionWith(current.MemberNames);
            }

            foreach (var iface in type.AllInterfaces)
            {
                names.UnionWith(iface.MemberNames);
            }
        }

        return names;
    }

    private HashSet<string>? VariableNames()
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal) { "value", "args" };
        for (var current = _block.Parent; current is not null; current = current.Parent)
        {
            if (current is TypeDeclarationSyntax type)
            {
                if (type.Modifiers.Any(SyntaxKind.PartialKeyword) || !IsOrdinary(type))
                {
                    return null;
                }

                if (type.ParameterList is { } parameters)
                {
                    foreach (var parameter in parameters.Parameters)
                    {
                        names.Add(parameter.Identifier.ValueText);
                    }
                }
            }
        }

        foreach (var node in _block.DescendantNodes())
        {
            var identifier = node switch
            {
                VariableDeclaratorSyntax declarator => declarator.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                ParameterSyntax parameter => parameter.Identifier,
                ForEachStatementSyntax forEach => forEach.Identifier,
                CatchDeclarationSyntax @catch => @catch.Identifier,
                _ => default(SyntaxToken?),
            };
            if (identifier is { } token)
            {
                names.Add(token.ValueText);
            }
            else if (node is QueryClauseSyntax or QueryContinuationSyntax)
            {
                // Range variables are neither locals nor parameters; kept as candidates all the same.
                foreach (var queryToken in node.ChildTokens())
                {
                    if (queryToken.IsKind(SyntaxKind.IdentifierToken))
                    {
                        names.Add(queryToken.ValueText);
                    }
                }
            }
        }

        return names;
    }

    private static bool OrdinaryTypes(SyntaxNode block)
    {
        for (var current = block.Parent; current is not null; current = current.Parent)
        {
            if (current is TypeDeclarationSyntax type && !IsOrdinary(type))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsOrdinary(TypeDeclarationSyntax type) => type.Kind() is SyntaxKind.ClassDeclaration or SyntaxKind.StructDeclaration
        or SyntaxKind.RecordDeclaration or SyntaxKind.RecordStructDeclaration or SyntaxKind.InterfaceDeclaration;
}
