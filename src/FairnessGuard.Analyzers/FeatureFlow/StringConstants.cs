using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>A column name given in code, with the expression that gave it (where to report).</summary>
internal readonly struct NamedColumn
{
    public NamedColumn(string name, SyntaxNode node)
    {
        Name = name;
        Node = node;
    }

    public string Name { get; }

    public SyntaxNode Node { get; }
}

/// <summary>
/// Resolves column-name arguments to constants: literals, <c>nameof</c>, constants, arrays and collection
/// expressions of those, and a local or field initialised with one. Anything else is unknown (null), and
/// the rules then stay silent rather than guess.
/// </summary>
internal static class StringConstants
{
    public static List<NamedColumn>? Resolve(IEnumerable<ExpressionSyntax> expressions, SemanticModel model, CancellationToken token)
    {
        var result = new List<NamedColumn>();
        foreach (var expression in expressions)
        {
            if (!TryAdd(expression, model, result, 0, token))
            {
                return null;
            }
        }

        return result;
    }

    private static bool TryAdd(ExpressionSyntax expression, SemanticModel model, List<NamedColumn> result, int depth, CancellationToken token)
    {
        var constant = model.GetConstantValue(expression, token);
        if (constant.HasValue)
        {
            if (constant.Value is string text)
            {
                result.Add(new NamedColumn(text, expression));
                return true;
            }

            return false;
        }

        var elements = ElementsOf(expression);
        if (elements is not null)
        {
            return elements.All(e => TryAdd(e, model, result, depth, token));
        }

        if (depth < 2 && expression is IdentifierNameSyntax or MemberAccessExpressionSyntax
            && model.GetSymbolInfo(expression, token).Symbol is ILocalSymbol or IFieldSymbol
            && InitializerOf(model.GetSymbolInfo(expression, token).Symbol!, token) is { } initializer
            && initializer.SyntaxTree == model.SyntaxTree)
        {
            return TryAdd(initializer, model, result, depth + 1, token);
        }

        return false;
    }

    private static IEnumerable<ExpressionSyntax>? ElementsOf(ExpressionSyntax expression) => expression switch
    {
        ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
        ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
        InitializerExpressionSyntax init => init.Expressions,
        CollectionExpressionSyntax collection => collection.Elements.Select(e => e is ExpressionElementSyntax element ? element.Expression : null).OfType<ExpressionSyntax>().Count() == collection.Elements.Count
            ? collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression)
            : null,
        _ => null,
    };

    private static ExpressionSyntax? InitializerOf(ISymbol symbol, CancellationToken token)
    {
        // Only locals and read-only fields: a mutable list may change before it reaches the pipeline.
        if (symbol is IFieldSymbol { IsReadOnly: false, IsConst: false })
        {
            return null;
        }

        if (symbol.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        return symbol.DeclaringSyntaxReferences[0].GetSyntax(token) is VariableDeclaratorSyntax { Initializer.Value: { } value } ? value : null;
    }
}
