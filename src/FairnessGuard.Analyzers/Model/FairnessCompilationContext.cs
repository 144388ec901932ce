using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using FairnessGuard.Analyzers.Naming;
using FairnessGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Analyzers.Model;

/// <summary>
/// Everything the rules need from one compilation, resolved once: the FairnessGuard and ML.NET symbols
/// (each may be absent), the name options per tree, type profiles, and the output policies declared anywhere.
/// </summary>
internal sealed class FairnessCompilationContext
{
    private readonly ConcurrentDictionary<SyntaxTree, NameMatchers> _namesPerTree = new();
    private readonly ConcurrentDictionary<SyntaxNode, byte> _visitedBlocks = new();
    private readonly ConcurrentDictionary<NameMatchers, ConcurrentDictionary<ITypeSymbol, TypeProfile>> _profiles = new();
    private readonly Lazy<HashSet<string>> _constrainedMembers;
    private readonly AnalyzerOptions _options;

    public FairnessCompilationContext(Compilation compilation, AnalyzerOptions options)
    {
        Compilation = compilation;
        _options = options;
        FairnessConstraintAttribute = compilation.GetTypeByMetadataName("FairnessGuard.FairnessConstraintAttribute");
        SensitiveAttribute = compilation.GetTypeByMetadataName("FairnessGuard.SensitiveAttribute");
        ColumnNameAttribute = compilation.GetTypeByMetadataName("Microsoft.ML.Data.ColumnNameAttribute");
        NoColumnAttribute = compilation.GetTypeByMetadataName("Microsoft.ML.Data.NoColumnAttribute");
        // The run-time guard (issue 3) may not exist yet: recognised by name, in metadata or in source.
        MayUseParityGuard = compilation.GetTypeByMetadataName("FairnessGuard.ParityGuard") is not null
            || compilation.GetTypeByMetadataName("FairnessGuard.ParityGuard`1") is not null
            || compilation.ContainsSymbolsWithName("ParityGuard", SymbolFilter.Type);
        _constrainedMembers = new Lazy<HashSet<string>>(() => PolicyIndex.ConstrainedMemberNames(compilation, FairnessConstraintAttribute));
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? FairnessConstraintAttribute { get; }

    /// <summary>Whether a <c>ParityGuard</c> type exists at all: otherwise no code can be guarded by one.</summary>
    public bool MayUseParityGuard { get; }

    public INamedTypeSymbol? SensitiveAttribute { get; }

    public INamedTypeSymbol? ColumnNameAttribute { get; }

    public INamedTypeSymbol? NoColumnAttribute { get; }

    public NameMatchers NamesFor(SyntaxTree tree) =>
        _namesPerTree.TryGetValue(tree, out var names) ? names : _namesPerTree.GetOrAdd(tree, NameOptions.Read(_options, tree));

    /// <summary>True the first time a code block is seen in this compilation: several triggers share one read.</summary>
    public bool FirstVisit(SyntaxNode block) => _visitedBlocks.TryAdd(block, 0);

    public TypeProfile ProfileOf(ITypeSymbol type, NameMatchers names)
    {
        var perNames = _profiles.GetOrAdd(names, _ => new ConcurrentDictionary<ITypeSymbol, TypeProfile>(SymbolEqualityComparer.Default));
        return perNames.GetOrAdd(type, t => TypeProfile.Create(t, names, this));
    }

    public bool IsMarkedSensitive(ISymbol symbol) => SensitiveAttribute is not null && HasAttribute(symbol, SensitiveAttribute);

    public bool HasNoColumn(ISymbol symbol) => NoColumnAttribute is not null && HasAttribute(symbol, NoColumnAttribute);

    /// <summary>The value of <c>[ColumnName("...")]</c> on the member, or null.</summary>
    public string? ColumnNameOf(ISymbol symbol)
    {
        if (ColumnNameAttribute is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ColumnNameAttribute)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether an output policy covers the model code in <paramref name="owner"/> for the member: a
    /// <c>FairnessConstraintAttribute</c> on the method, a containing or base type, or the assembly; or a
    /// policy anywhere in the compilation that names the member (the prediction method may live elsewhere).
    /// </summary>
    public bool IsConstrained(ISymbol? owner, string memberName)
    {
        if (FairnessConstraintAttribute is null)
        {
            return false;
        }

        if (_constrainedMembers.Value.Contains(memberName))
        {
            return true;
        }

        for (var symbol = owner; symbol is not null; symbol = symbol.ContainingSymbol)
        {
            if (symbol is INamespaceSymbol)
            {
                break;
            }

            if (HasConstraint(symbol))
            {
                return true;
            }

            if (symbol is INamedTypeSymbol type)
            {
                for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
                {
                    if (HasConstraint(baseType))
                    {
                        return true;
                    }
                }
            }
        }

        return HasConstraint(Compilation.Assembly);
    }

    public bool IsConstraintAttribute(INamedTypeSymbol? attributeClass) => PolicyIndex.DerivesFrom(attributeClass, FairnessConstraintAttribute);

    private bool HasConstraint(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsConstraintAttribute(attribute.AttributeClass))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }
}
