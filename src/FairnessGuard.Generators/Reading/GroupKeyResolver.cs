using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Generators.Reading;

/// <summary>
/// Finds where a policy's group key comes from, in this order: a parameter named like the sensitive member;
/// the member of that name on a parameter (<c>applicant.Race</c>); the one parameter marked <c>[Sensitive]</c>.
/// </summary>
internal static class GroupKeyResolver
{
    private const string SensitiveAttributeName = "FairnessGuard.SensitiveAttribute";

    /// <summary>The key's C# expression and its (non-nullable) type, or the reason none fits.</summary>
    public readonly record struct GroupKey(string? Expression, string? Type, string? Failure);

    public static GroupKey Resolve(IMethodSymbol method, string member, Compilation compilation)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.Out && string.Equals(parameter.Name, member, StringComparison.OrdinalIgnoreCase))
            {
                return FromValue(SymbolText.Identifier(parameter.Name), parameter.Type, $"parameter '{parameter.Name}'");
            }
        }

        var owners = new List<(IParameterSymbol Parameter, ISymbol Member)>();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.Out && FindMember(parameter.Type, member, method.ContainingType, compilation) is { } found)
            {
                owners.Add((parameter, found));
            }
        }

        if (owners.Count > 1)
        {
            return new GroupKey(null, null, $"several parameters have a member '{member}' ({owners[0].Parameter.Name}, {owners[1].Parameter.Name}); mark the right one's member or parameter [Sensitive] and name it in the policy");
        }

        if (owners.Count == 1)
        {
            var (parameter, found) = owners[0];
            var memberType = found is IPropertySymbol property ? property.Type : ((IFieldSymbol)found).Type;
            var name = SymbolText.Identifier(parameter.Name);
            if (parameter.Type.IsReferenceType && parameter.Type.NullableAnnotation == NullableAnnotation.Annotated)
            {
                if (!memberType.IsReferenceType)
                {
                    return new GroupKey(null, null, $"parameter '{parameter.Name}' may be null and '{member}' is a value type; make the parameter non-nullable");
                }

                return FromValue($"{name}?.{SymbolText.Identifier(found.Name)}", memberType, $"'{parameter.Name}.{member}'");
            }

            return FromValue($"{name}.{SymbolText.Identifier(found.Name)}", memberType, $"'{parameter.Name}.{member}'");
        }

        IParameterSymbol? marked = null;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.Out && IsMarkedSensitive(parameter))
            {
                if (marked is not null)
                {
                    return new GroupKey(null, null, $"no parameter or parameter member is named '{member}', and several parameters are marked [Sensitive]");
                }

                marked = parameter;
            }
        }

        return marked is null
            ? new GroupKey(null, null, $"no parameter is named '{member}', no parameter has an accessible instance property or field '{member}', and no parameter is marked [Sensitive]")
            : FromValue(SymbolText.Identifier(marked.Name), marked.Type, $"parameter '{marked.Name}'");
    }

    private static GroupKey FromValue(string expression, ITypeSymbol type, string what)
    {
        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return new GroupKey(null, null, $"{what} is a nullable value type; the guard keys groups by a non-nullable type (use the enum itself or a string)");
        }

        if (type.TypeKind == TypeKind.TypeParameter || type.TypeKind == TypeKind.Error)
        {
            return new GroupKey(null, null, $"{what} has the type '{type.ToDisplayString()}', which the generated code cannot name");
        }

        return new GroupKey(expression, SymbolText.Type(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)), null);
    }

    private static ISymbol? FindMember(ITypeSymbol type, string name, INamedTypeSymbol within, Compilation compilation)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var candidate in current.GetMembers(name))
            {
                var readable = candidate switch
                {
                    IPropertySymbol p => !p.IsStatic && !p.IsIndexer && p.GetMethod is not null && compilation.IsSymbolAccessibleWithin(p.GetMethod, within),
                    IFieldSymbol f => !f.IsStatic && compilation.IsSymbolAccessibleWithin(f, within),
                    _ => false,
                };
                if (readable)
                {
                    return candidate;
                }
            }
        }

        foreach (var face in type.AllInterfaces)
        {
            foreach (var candidate in face.GetMembers(name))
            {
                if (candidate is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null })
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static bool IsMarkedSensitive(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == SensitiveAttributeName)
            {
                return true;
            }
        }

        return false;
    }
}
