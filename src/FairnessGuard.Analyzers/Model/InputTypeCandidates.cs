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
    private static readonly string[] LoaderNames = { "LoadFromTextFile", "LoadFromEnumerable", "CreatePredictionEngine", "CreateTextLoader", "CreateDatabaseLoader" };

    /// <summary>Calls that load data without naming its type: any of them makes the data's type unknown.</summary>
    private static readonly string[] UntypedLoaderNames = { "LoadFromBinary", "LoadFromSvmLightFile", "LoadFromSvmLightFileWithFeatureNames", "LoadCsv", "LoadCsvFromString" };
    private static readonly string[] SearchedNames = Concat(Concat(AttributeNames, LoaderNames), UntypedLoaderNames);

    public static ModelInputCandidateSet Find(Compilation compilation, INamedTypeSymbol? loadColumn, INamedTypeSymbol? columnName, CancellationToken token)
    {
        var found = new Found();
        var hits = new List<SyntaxToken>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            hits.Clear();
            SyntaxSearch.FindIdentifiers(tree, SearchedNames, hits, token);
            foreach (var hit in hits)
            {
                Classify(hit, found);
            }
        }

        var (attributed, loaded) = (found.Attributed, found.Loaded);
        if (attributed.Count == 0 && loaded.Count == 0)
        {
            return ModelInputCandidateSet.Empty;
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

        var types = result.ToImmutable();
        return new ModelInputCandidateSet(types, SoleLoaded(found, types));
    }

    /// <summary>The one type the compilation's data loaders name, when nothing else is loaded (see <see cref="ModelInputCandidateSet.SoleLoadedType"/>).</summary>
    private static INamedTypeSymbol? SoleLoaded(Found found, ImmutableArray<INamedTypeSymbol> types)
    {
        if (found.UntypedLoad || found.DataLoaded.Count != 1)
        {
            return null;
        }

        INamedTypeSymbol? sole = null;
        foreach (var type in types)
        {
            if (found.DataLoaded.Contains(type.Name))
            {
                if (sole is not null)
                {
                    return null;
                }

                sole = type;
            }
        }

        return sole;
    }

    private static void Classify(SyntaxToken hit, Found found)
    {
        var name = hit.ValueText;
        if (Array.IndexOf(AttributeNames, name) >= 0)
        {
            // [LoadColumn(0)] on a property or field: the declaring type is the candidate.
            if (hit.Parent?.FirstAncestorOrSelf<AttributeSyntax>() is { Parent: AttributeListSyntax { Parent: PropertyDeclarationSyntax or FieldDeclarationSyntax } member }
                && member.Parent?.Parent is TypeDeclarationSyntax type)
            {
                found.Attributed.Add(type.Identifier.ValueText);
            }

            return;
        }

        var isLoader = Array.IndexOf(LoaderNames, name) >= 0;
        if (isLoader
            && hit.Parent is GenericNameSyntax { TypeArgumentList.Arguments.Count: > 0 } generic
            && RightmostName(generic.TypeArgumentList.Arguments[0]) is { } typeName)
        {
            found.Loaded.Add(typeName);
            if (name != "CreatePredictionEngine")
            {
                found.DataLoaded.Add(typeName);
            }

            return;
        }

        // A loader called without a type argument (a column list, an inferred T, untyped data), or a generic
        // loader whose type argument is not a plain name: the data's type is not known from the text.
        if (name != "CreatePredictionEngine" && IsCalled(hit))
        {
            found.UntypedLoad = true;
        }
    }

    /// <summary>Whether the name is the invoked method of a call (<c>x.Name(…)</c>, <c>Name(…)</c>, <c>x.Name&lt;T&gt;(…)</c>).</summary>
    private static bool IsCalled(SyntaxToken hit)
    {
        if (hit.Parent is not SimpleNameSyntax simpleName)
        {
            return false;
        }

        ExpressionSyntax callee = simpleName.Parent is MemberAccessExpressionSyntax access && access.Name == simpleName ? access : simpleName;
        return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee;
    }

    private sealed class Found
    {
        public HashSet<string> Attributed { get; } = new(StringComparer.Ordinal);

        /// <summary>Type names given to a loader or prediction engine: candidates.</summary>
        public HashSet<string> Loaded { get; } = new(StringComparer.Ordinal);

        /// <summary>Type names given to a data loader (not a prediction engine): what the data is loaded as.</summary>
        public HashSet<string> DataLoaded { get; } = new(StringComparer.Ordinal);

        public bool UntypedLoad { get; set; }
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
