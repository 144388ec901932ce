using System.Collections.Generic;
using System.Threading;
using FairnessGuard.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>A column of a loaded data view: its name and the name of its ML.NET type (null when not a scalar).</summary>
internal readonly struct SchemaColumn
{
    public SchemaColumn(string name, string? typeName)
    {
        Name = name;
        TypeName = typeName;
    }

    public string Name { get; }

    /// <summary><c>column.Type.ToString()</c>: <c>Single</c>, <c>String</c>, <c>Boolean</c>…; null for a vector or an unknown type.</summary>
    public string? TypeName { get; }
}

/// <summary>
/// The columns of a loaded schema as a query selects them: <c>data.Schema</c> (<c>data</c> loaded from <c>T</c> in the same
/// method), through <c>AsEnumerable</c>/<c>ToArray</c>/<c>ToList</c>, a projection into <c>new { c.Name, c.Type }</c>,
/// <c>Where</c> filters on the name, on the type (<c>c.Type.ToString() == "Single"</c>,
/// <c>c.Type == NumberDataViewType.Single</c>) and on <c>c.IsHidden</c> (false: a loaded schema hides nothing) joined by <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, and locals holding any of
/// these. Anything else — another condition, a type the filter cannot name — is unknown (null): the rules stay silent.
/// </summary>
internal static class SchemaColumns
{
    public static List<SchemaColumn>? Of(ExpressionSyntax expression, SemanticModel model, FairnessCompilationContext context, int depth, CancellationToken token)
    {
        if (depth > 4)
        {
            return null;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Of(parenthesized.Expression, model, context, depth, token);
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Schema", Expression: IdentifierNameSyntax data }
                when model.GetSymbolInfo(data, token).Symbol is ILocalSymbol local && TypeColumns.LoadedType(local, model, token) is { } row:
                return TypeColumns.LoadedColumnsWithTypes(row, context);
            case IdentifierNameSyntax identifier
                when model.GetSymbolInfo(identifier, token).Symbol is ILocalSymbol local
                    && StringConstants.InitializerOf(local, token) is { } value
                    && value.SyntaxTree == model.SyntaxTree:
                return Of(value, model, context, depth + 1, token);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsEnumerable" or "ToArray" or "ToList" } pass, ArgumentList.Arguments.Count: 0 }:
                return Of(pass.Expression, model, context, depth, token);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Select" } select, ArgumentList.Arguments.Count: 1 } projecting
                when projecting.ArgumentList.Arguments[0].Expression is SimpleLambdaExpressionSyntax { ExpressionBody: AnonymousObjectCreationExpressionSyntax projection } projector
                    && KeepsNameAndType(projection, projector.Parameter.Identifier.ValueText):
                return Of(select.Expression, model, context, depth, token);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Where" } where, ArgumentList.Arguments.Count: 1 } filtering
                when filtering.ArgumentList.Arguments[0].Expression is SimpleLambdaExpressionSyntax { ExpressionBody: { } predicate } lambda:
                var source = Of(where.Expression, model, context, depth, token);
                if (source is null)
                {
                    return null;
                }

                var kept = new List<SchemaColumn>();
                foreach (var column in source)
                {
                    switch (Holds(predicate, lambda.Parameter.Identifier.ValueText, column, model, token))
                    {
                        case null:
                            return null;
                        case true:
                            kept.Add(column);
                            break;
                    }
                }

                return kept;
            default:
                return null;
        }
    }

    // new { c.Name, c.Type } (or Name = c.Name, Type = c.Type): the projected columns keep their name and type.
    private static bool KeepsNameAndType(AnonymousObjectCreationExpressionSyntax projection, string parameter)
    {
        var name = false;
        foreach (var initializer in projection.Initializers)
        {
            if (initializer.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax item, Name.Identifier.ValueText: var member }
                || item.Identifier.ValueText != parameter)
            {
                return false;
            }

            var projectedAs = initializer.NameEquals?.Name.Identifier.ValueText ?? member;
            if (projectedAs != member)
            {
                return false;
            }

            name |= member == "Name";
        }

        return name;
    }

    private static bool? Holds(ExpressionSyntax predicate, string parameter, SchemaColumn column, SemanticModel model, CancellationToken token)
    {
        switch (predicate)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Holds(parenthesized.Expression, parameter, column, model, token);
            case PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression):
                return Holds(negation.Operand, parameter, column, model, token) is { } inner ? !inner : null;
            case BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression):
                return Holds(both.Left, parameter, column, model, token) is { } l && Holds(both.Right, parameter, column, model, token) is { } r ? l && r : null;
            case BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression):
                return Holds(either.Left, parameter, column, model, token) is { } l2 && Holds(either.Right, parameter, column, model, token) is { } r2 ? l2 || r2 : null;
            case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax item, Name.Identifier.ValueText: "IsHidden" } when item.Identifier.ValueText == parameter:
                return false; // a loaded schema has no hidden columns
            case BinaryExpressionSyntax comparison when comparison.IsKind(SyntaxKind.EqualsExpression) || comparison.IsKind(SyntaxKind.NotEqualsExpression):
                var equal = Equal(comparison.Left, comparison.Right, parameter, column, model, token) ?? Equal(comparison.Right, comparison.Left, parameter, column, model, token);
                return equal is null ? null : comparison.IsKind(SyntaxKind.EqualsExpression) == equal.Value;
            default:
                return null;
        }
    }

    // c.Name against a constant, or the column's type (c.Type.ToString(), c.Type) against a type name or instance.
    private static bool? Equal(ExpressionSyntax side, ExpressionSyntax other, string parameter, SchemaColumn column, SemanticModel model, CancellationToken token)
    {
        if (side is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax item, Name.Identifier.ValueText: "Name" } && item.Identifier.ValueText == parameter)
        {
            return model.GetConstantValue(other, token) is { HasValue: true, Value: string name } ? name == column.Name : null;
        }

        string? typeName = side switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString", Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax typed, Name.Identifier.ValueText: "Type" } }, ArgumentList.Arguments.Count: 0 }
                when typed.Identifier.ValueText == parameter => model.GetConstantValue(other, token) is { HasValue: true, Value: string text } ? text : null,
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax typed, Name.Identifier.ValueText: "Type" }
                when typed.Identifier.ValueText == parameter => TypeInstanceName(other),
            _ => null,
        };
        return typeName is null || column.TypeName is null ? null : typeName == column.TypeName;
    }

    // NumberDataViewType.Single, TextDataViewType.Instance, BooleanDataViewType.Instance: the type's ToString().
    private static string? TypeInstanceName(ExpressionSyntax expression) => expression is MemberAccessExpressionSyntax { Expression: var owner, Name.Identifier.ValueText: var member }
        ? LastName(owner) switch
        {
            "NumberDataViewType" => member,
            "TextDataViewType" when member == "Instance" => "String",
            "BooleanDataViewType" when member == "Instance" => "Boolean",
            _ => null,
        }
        : null;

    private static string? LastName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };
}
