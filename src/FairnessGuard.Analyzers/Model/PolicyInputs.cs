using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Model;

/// <summary>
/// What a prediction method's inputs hold (its parameters, their data members one level deep, and the
/// members of its own type) and whether its return type is a score. Where a type is opaque (object,
/// dynamic, a type parameter, a dictionary) the answer is "maybe", and FG0003 stays silent.
/// </summary>
internal static class PolicyInputs
{
    public static bool MayHaveMember(IMethodSymbol method, string member)
    {
        var name = member.Substring(member.LastIndexOf('.') + 1);
        if (method.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var types = method.Parameters.Select(p => ElementType(p.Type)).ToList();
        if (!method.IsStatic && method.ContainingType is { } containing)
        {
            types.Add(containing);
        }

        foreach (var type in types)
        {
            if (IsOpaque(type) || HasMember(type, name, 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The data members (and parameters) a policy on the method could name.</summary>
    public static IEnumerable<(ITypeSymbol? Type, string Name)> Candidates(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            var type = ElementType(parameter.Type);
            if (type.TypeKind is TypeKind.Class or TypeKind.Struct && type.SpecialType == SpecialType.None)
            {
                foreach (var data in DataMembers(type))
                {
                    yield return (type, data.Name);
                }
            }
            else
            {
                yield return (null, parameter.Name);
            }
        }
    }

    public static bool IsScore(ITypeSymbol type, int depth = 0)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_Object:
                return true;
            case SpecialType.System_Void or SpecialType.System_Boolean or SpecialType.System_String or SpecialType.System_Char:
            case >= SpecialType.System_SByte and <= SpecialType.System_UInt64:
                return false;
        }

        if (type.TypeKind is TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Error || type.Name == "Half" || depth > 2)
        {
            return true;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return false;
        }

        if (type is IArrayTypeSymbol array)
        {
            return IsScore(array.ElementType, depth + 1);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic && generic.TypeArguments.Length == 1)
        {
            return IsScore(generic.TypeArguments[0], depth + 1);
        }

        if (type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 0 })
        {
            return false;
        }

        return DataMembers(type).Any(m => IsNumericScore(m is IPropertySymbol p ? p.Type : ((IFieldSymbol)m).Type));
    }

    private static bool IsNumericScore(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal
        || (type is INamedTypeSymbol { IsGenericType: true } g && g.TypeArguments.Length == 1 && IsNumericScore(g.TypeArguments[0]))
        || (type is IArrayTypeSymbol a && IsNumericScore(a.ElementType));

    private static ITypeSymbol ElementType(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
            when generic.AllInterfaces.Any(i => i.Name == "IEnumerable") || generic.Name is "IEnumerable" or "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory" or "Nullable"
            => generic.TypeArguments[0],
        _ => type,
    };

    private static bool IsOpaque(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_Object
        || type.TypeKind is TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Error
        || type.AllInterfaces.Any(i => i.Name == "IDictionary" || i.Name == "IReadOnlyDictionary")
        || type.Name is "IDictionary" or "IReadOnlyDictionary" or "DataRow" or "JsonElement" or "JObject";

    private static bool HasMember(ITypeSymbol type, string name, int depth)
    {
        foreach (var member in DataMembers(type))
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var memberType = member is IPropertySymbol p ? p.Type : ((IFieldSymbol)member).Type;
            if (depth == 0 && memberType.TypeKind is TypeKind.Class or TypeKind.Struct && memberType.SpecialType == SpecialType.None
                && HasMember(memberType, name, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<ISymbol> DataMembers(ITypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (!member.IsStatic && member is IPropertySymbol { IsIndexer: false } or IFieldSymbol { IsImplicitlyDeclared: false })
                {
                    yield return member;
                }
            }
        }

        foreach (var iface in type.AllInterfaces)
        {
            foreach (var member in iface.GetMembers().OfType<IPropertySymbol>())
            {
                yield return member;
            }
        }
    }
}
