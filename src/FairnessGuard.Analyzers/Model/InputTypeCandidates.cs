using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.Model;

/// <summary>
/// The types of the compilation that may be an ML.NET model input: their instance members carry
/// <c>[LoadColumn]</c> or <c>[ColumnName]</c>, or they are the <c>T</c> of <c>LoadFromTextFile&lt;T&gt;</c>,
/// <c>LoadFromEnumerable&lt;T&gt;</c>, <c>CreatePredictionEngine&lt;T, …&gt;</c> or <c>CreateTextLoader&lt;T&gt;</c>.
/// </summary>
/// <remarks>
/// Searched once per compilation, and only when a pipeline's input type is nowhere in sight. No tree is walked
/// node by node and no semantic model is asked for (RS1030): the source text is searched for the attribute and
/// method names, each hit is confirmed on the tree, and the type names found are resolved with
/// <c>Compilation.GetSymbolsWithName</c>. A type named by a loader call is taken by its simple name: every
/// source type of that name is a candidate, which can only make the choice more ambiguous, never wrong.
/// </remarks>
internal static class InputTypeCandidates
{
    private static readonly string[] AttributeNames = { "LoadColumn", "LoadColumnAttribute", "ColumnName", "ColumnNameAttribute" };
    private static readonly string[] LoaderNames = { "LoadFromTextFile", "LoadFromEnumerable", "CreatePredictionEngine", "CreateTextLoader" };
    private static readonly string[] SearchedNames = Concat(AttributeNames, LoaderNames);

    public static ImmutableArray<INamedTypeSymbol> Find(Compilation compilation, INamedTypeSymbol? loadColumn, INamedTypeSymbol? columnName, CancellationToken token)
    {
        var attributed = new HashSet<string>(StringComparer.Ordinal);
        var loaded = new HashSet<string>(StringComparer.Ordinal);
        var hits = new List<SyntaxToken>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            hits.Clear();
            SyntaxSearch.FindIdentifiers(tree, SearchedNames, hits, token);
            foreach (var hit in hits)
            {
                Classify(hit, attributed, loaded);
            }
        }

        if (attributed.Count == 0 && loaded.Count == 0)
        {
            return ImmutableArray<INamedTypeSymbol>.Empty;
        }

        var result = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var symbol in compilation.GetSymbolsWithName(name => attributed.Contains(name) || loaded.Contains(name), SymbolFilter.Type, token))
        {
            if (symbol is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, IsStatic: false } type
                && (loaded.Contains(type.Name) || HasColumnAttribute(type, loadColumn, columnName)))
            {
                result.Add(type);
            }
        }

        return result.ToImmutable();
    }

    private static void Classify(SyntaxToken hit, HashSet<string> attributed, HashSet<string> loaded)
    {
        var name = hit.ValueText;
        if (Array.IndexOf(AttributeNames, name) >= 0)
        {
            // [LoadColumn(0)] on a property or field: the declaring type is the candidate.
            if (hit.Parent?.FirstAncestorOrSelf<AttributeSyntax>() is { Parent: AttributeListSyntax { Parent: PropertyDeclarationSyntax or FieldDeclarationSyntax } member }
                && member.Parent?.Parent is TypeDeclarationSyntax type)
            {
                attributed.Add(type.Identifier.ValueText);
            }

            return;
        }

        if (Array.IndexOf(LoaderNames, name) >= 0
            && hit.Parent is GenericNameSyntax { TypeArgumentList.Arguments.Count: > 0 } generic
            && RightmostName(generic.TypeArgumentList.Arguments[0]) is { } typeName)
        {
            loaded.Add(typeName);
        }
    }

    private static string[] Concat(string[] first, string[] second)
    {
        var all = new string[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified => RightmostName(qualified.Right),
        AliasQualifiedNameSyntax alias => RightmostName(alias.Name),
        _ => null,
    };

    private static bool HasColumnAttribute(INamedTypeSymbol type, INamedTypeSymbol? loadColumn, INamedTypeSymbol? columnName)
    {
        foreach (var member in type.GetMembers())
        {
            if (member.IsStatic || member is not (IPropertySymbol or IFieldSymbol))
            {
                continue;
            }

            if ((loadColumn is not null && FairnessCompilationContext.HasAttribute(member, loadColumn))
                || (columnName is not null && FairnessCompilationContext.HasAttribute(member, columnName)))
            {
                return true;
            }
        }

        return false;
    }
}
