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
        var found = new List<(ISymbol Symbol, string Column, MemberSensitivity Sensitivity)>();
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
                var sensitivity = context.IsMarkedSensitive(symbol) ? MemberSensitivity.Sensitive
                    : IsDrawingColour(symbol) ? MemberSensitivity.None
                    : (MemberSensitivity)System.Math.Max((int)names.OfMember(symbol.Name, type.Name), (int)names.OfMember(column, type.Name));
                found.Add((symbol, column, sensitivity));
            }
        }

        // A word that is sensitive only on a person (Genero, Raza) counts when another member already says the rows are people.
        var person = found.Any(f => f.Sensitivity == MemberSensitivity.Sensitive);
        var members = ImmutableArray.CreateBuilder<MemberProfile>(found.Count);
        foreach (var (symbol, column, sensitivity) in found)
        {
            var sensitive = sensitivity == MemberSensitivity.Sensitive || (sensitivity == MemberSensitivity.IfPerson && person);
            var proxy = !sensitive && (names.IsProxy(symbol.Name) || names.IsProxy(column));
            members.Add(new MemberProfile(symbol, column, sensitive, proxy, context.HasNoColumn(symbol)));
        }

        return new TypeProfile(type, members.ToImmutable());
    }

    /// <summary>
    /// A member whose value is a colour to draw with (<c>Color skinColor</c> on a game's avatar): a rendering value, not a
    /// recorded attribute, whatever its name says. Only an explicit <c>[Sensitive]</c> marks it.
    /// </summary>
    private static bool IsDrawingColour(ISymbol symbol)
    {
        var type = symbol switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type is INamedTypeSymbol { TypeKind: TypeKind.Struct or TypeKind.Class, Name: "Color" or "Colour" or "Color32" or "SolidColorBrush" };
    }

    private static bool IsReadableData(ISymbol symbol) => symbol switch
    {
        IPropertySymbol property => !property.IsIndexer && property.GetMethod is not null && property.DeclaredAccessibility == Accessibility.Public,
        IFieldSymbol field => field.DeclaredAccessibility == Accessibility.Public && !field.IsConst,
        _ => false,
    };
}
