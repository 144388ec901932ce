using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Model;

/// <summary>
/// The compilation's model-input candidates (see <see cref="InputTypeCandidates"/>) and, when the compilation
/// loads its data as exactly one type, that type.
/// </summary>
internal sealed class ModelInputCandidateSet
{
    public static readonly ModelInputCandidateSet Empty = new(ImmutableArray<INamedTypeSymbol>.Empty, null);

    public ModelInputCandidateSet(ImmutableArray<INamedTypeSymbol> types, INamedTypeSymbol? soleLoadedType)
    {
        Types = types;
        SoleLoadedType = soleLoadedType;
    }

    public ImmutableArray<INamedTypeSymbol> Types { get; }

    /// <summary>
    /// The one type every data loader of the compilation names as its type argument
    /// (<c>LoadFromTextFile&lt;T&gt;</c>, <c>LoadFromEnumerable&lt;T&gt;</c>, <c>CreateTextLoader&lt;T&gt;</c>,
    /// <c>CreateDatabaseLoader&lt;T&gt;</c>), when there is exactly one such type, one source type of that name,
    /// and no loader call loads untyped data (a column list, a binary or SVM-light file, a CSV data frame) or a
    /// type the search cannot see (an inferred type argument). Null otherwise.
    /// </summary>
    public INamedTypeSymbol? SoleLoadedType { get; }

    /// <summary>The one candidate with this simple name, or null (none, or several).</summary>
    public INamedTypeSymbol? Named(string name)
    {
        INamedTypeSymbol? found = null;
        foreach (var type in Types)
        {
            if (string.Equals(type.Name, name, StringComparison.Ordinal))
            {
                if (found is not null && !SymbolEqualityComparer.Default.Equals(found, type))
                {
                    return null;
                }

                found = type;
            }
        }

        return found;
    }
}
