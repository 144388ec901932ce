using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// Members that hold data and run no code: an auto-property without an initializer, a field without one, an enum
/// member without a value. Nothing in them can be a trigger or a read, so the walk that looks for triggers skips
/// them without visiting their nodes (in ML.NET samples about half the members are such columns of a data class).
/// </summary>
internal static class MemberShapes
{
    public static bool HoldsOnlyData(SyntaxNode member) => member switch
    {
        PropertyDeclarationSyntax { Initializer: null, ExpressionBody: null, AccessorList: { } accessors } property
            => HasNoBodies(accessors) && HasNoCalls(property.AttributeLists),
        FieldDeclarationSyntax field => HasNoInitializers(field.Declaration) && HasNoCalls(field.AttributeLists),
        EnumMemberDeclarationSyntax { EqualsValue: null } enumMember => HasNoCalls(enumMember.AttributeLists),
        _ => false,
    };

    private static bool HasNoBodies(AccessorListSyntax accessors)
    {
        foreach (var accessor in accessors.Accessors)
        {
            if (accessor.Body is not null || accessor.ExpressionBody is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasNoInitializers(VariableDeclarationSyntax declaration)
    {
        foreach (var variable in declaration.Variables)
        {
            if (variable.Initializer is not null || variable.ArgumentList is not null)
            {
                return false;
            }
        }

        return true;
    }

    // An attribute's arguments are constants, but broken code may call a method there: such a member is walked as before.
    private static bool HasNoCalls(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (attribute.ArgumentList is { } arguments)
                {
                    foreach (var argument in arguments.Arguments)
                    {
                        if (argument.Expression is not LiteralExpressionSyntax && ContainsCall(argument.Expression))
                        {
                            return false;
                        }
                    }
                }
            }
        }

        return true;
    }

    private static bool ContainsCall(ExpressionSyntax expression)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is InvocationExpressionSyntax)
            {
                return true;
            }
        }

        return false;
    }
}
