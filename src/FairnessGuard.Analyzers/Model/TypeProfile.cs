using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FairnessGuard.Analyzers.Naming;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Model;

/// <summary>The readable instance members of a type, with what each one is (sensitive, proxy, column).</summary>
internal sealed class TypeProfile
{
    private TypeProfile(ITypeSymbol type, ImmutableArray<MemberProfile> members)
    {
        Type = type;
        Members = members;
        HasSensitive = members.Any(m => m.IsSensitive);
    }

    public ITypeSymbol Type { get; }

    public ImmutableArray<MemberProfile> Members { get; }

    public bool HasSensitive { get; }

    public MemberProfile? Find(string name)
    {
        foreach (var member in Members)
        {
            if (member.Name == name)
            {
                return member;
            }
        }

        return null;
    }

    public static TypeProfile Create(ITypeSymbol type, NameMatchers names, FairnessCompilationContext context)
    {
        var members = ImmutableArray.CreateBuilder<MemberProfile>();
        var seen = new HashSet<string>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var symbol in current.GetMembers())
            {
                if (symbol.IsStatic || symbol.IsImplicitlyDeclared || !IsReadableData(symbol) || !seen.Add(symbol.Name))
                {
                    continue;
                }

                var column = context.ColumnNameOf(symbol) ?? symbol.Name;
                var sensitive = context.IsMarkedSensitive(symbol) || names.IsSensitiveMember(symbol.Name, type.Name) || names.IsSensitiveMember(column, type.Name);
                var proxy = !sensitive && (names.IsProxy(symbol.Name) || names.IsProxy(column));
                members.Add(new MemberProfile(symbol, column, sensitive, proxy, context.HasNoColumn(symbol)));
            }
        }

        return new TypeProfile(type, members.ToImmutable());
    }

    private static bool IsReadableData(ISymbol symbol) => symbol switch
    {
        IPropertySymbol property => !property.IsIndexer && property.GetMethod is not null && property.DeclaredAccessibility == Accessibility.Public,
        IFieldSymbol field => field.DeclaredAccessibility == Accessibility.Public && !field.IsConst,
        _ => false,
    };
}
