using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>A column name given in code, with the expression that gave it (where to report).</summary>
/// <remarks>
/// A class, not a struct: lists, tuples and LINQ over a reference type share the runtime's precompiled code, while
/// each generic use of a struct is compiled by the JIT in every build that runs the analyzer (see docs/benchmarks-analyzers.md).
/// </remarks>
internal sealed class NamedColumn
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
/// Resolves column-name arguments to constants: literals, <c>nameof</c>, constants, arrays, collection
/// expressions and list initialisers of those, a local or field initialised with one (a local list with the names
/// its <c>Add</c>/<c>AddRange</c> calls add, see <see cref="ListAdditions"/>), <c>ToArray</c>/<c>ToList</c> of one, and the names of a known type's columns
/// (<see cref="TypeColumns"/>), each optionally filtered by LINQ. Anything else is unknown (null), and
/// the rules then stay silent rather than guess.
/// </summary>
internal static class StringConstants
{
    public static List<NamedColumn>? Resolve(IEnumerable<ExpressionSyntax> expressions, SemanticModel model, Model.FairnessCompilationContext context, CancellationToken token)
    {
        var result = new List<NamedColumn>();
        foreach (var expression in expressions)
        {
            if (!TryAdd(expression, model, context, result, 0, token))
            {
                return null;
            }
        }

        return result;
    }

    private static bool TryAdd(ExpressionSyntax expression, SemanticModel model, Model.FairnessCompilationContext context, List<NamedColumn> result, int depth, CancellationToken token)
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

        if (depth < 3 && Filtered(expression, model, context, result, depth, token) is { } filtered)
        {
            return filtered;
        }

        if (TypeColumns.NamesOf(expression, model, context, token) is { } names)
        {
            result.AddRange(names.Select(n => new NamedColumn(n, expression)));
            return true;
        }

        // list.ToArray(), list.ToList(), list.AsEnumerable(): the same names.
        if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToArray" or "ToList" or "AsEnumerable" } pass, ArgumentList.Arguments.Count: 0 })
        {
            return TryAdd(pass.Expression, model, context, result, depth, token);
        }

        var elements = ElementsOf(expression);
        if (elements is not null)
        {
            return elements.All(e => TryAdd(e, model, context, result, depth, token));
        }

        if (depth < 4 && expression is IdentifierNameSyntax or MemberAccessExpressionSyntax
            && model.GetSymbolInfo(expression, token).Symbol is { } symbol and (ILocalSymbol or IFieldSymbol)
            && InitializerOf(symbol, token) is { } initializer
            && initializer.SyntaxTree == model.SyntaxTree)
        {
            var type = symbol is ILocalSymbol local ? local.Type : ((IFieldSymbol)symbol).Type;
            return TryAdd(initializer, model, context, result, depth + 1, token)
                && (type is not INamedTypeSymbol { TypeKind: not TypeKind.Array } collection
                    || !IsGrowable(collection)
                    || ListAdditions.TryAddAll(symbol, initializer, model, result, (e, r) => TryAdd(e, model, context, r, depth + 1, token), token));
        }

        return false;
    }

    // A list a method can add names to: List<string>, IList<string>, ICollection<string>, HashSet<string>…
    private static bool IsGrowable(INamedTypeSymbol type) => type.Name is "List" or "IList" or "ICollection" or "HashSet" or "ISet" or "SortedSet" or "Collection";

    /// <summary>
    /// A constant list filtered by LINQ: <c>list.Where(c =&gt; c != "Gender").ToArray()</c> (conditions
    /// <c>!=</c> joined by <c>&amp;&amp;</c>) or <c>list.Except(other).ToList()</c>, both lists constant. Null when the
    /// expression is not such a filter; false when it is one that cannot be resolved.
    /// </summary>
    private static bool? Filtered(ExpressionSyntax expression, SemanticModel model, Model.FairnessCompilationContext context, List<NamedColumn> result, int depth, CancellationToken token)
    {
        var call = expression as InvocationExpressionSyntax;
        if (call is { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToArray" or "ToList" } materialise } && call.ArgumentList.Arguments.Count == 0)
        {
            call = materialise.Expression as InvocationExpressionSyntax;
        }

        if (call?.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Where" or "Except" } filter || call.ArgumentList.Arguments.Count != 1)
        {
            return null;
        }

        var source = new List<NamedColumn>();
        if (!TryAdd(filter.Expression, model, context, source, depth + 1, token))
        {
            return false;
        }

        var removed = new List<string>();
        var argument = call.ArgumentList.Arguments[0].Expression;
        if (filter.Name.Identifier.ValueText == "Except")
        {
            var except = new List<NamedColumn>();
            if (!TryAdd(argument, model, context, except, depth + 1, token))
            {
                return false;
            }

            removed.AddRange(except.Select(e => e.Name));
        }
        else if (argument is not SimpleLambdaExpressionSyntax { ExpressionBody: { } body } lambda || !Exclusions(body, lambda.Parameter.Identifier.ValueText, model, removed, token))
        {
            return false;
        }

        result.AddRange(source.Where(c => !removed.Any(r => string.Equals(r, c.Name, System.StringComparison.OrdinalIgnoreCase))));
        return true;
    }

    private static bool Exclusions(ExpressionSyntax body, string parameter, SemanticModel model, List<string> removed, CancellationToken token)
    {
        switch (body)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Exclusions(parenthesized.Expression, parameter, model, removed, token);
            case BinaryExpressionSyntax binary when binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.LogicalAndExpression):
                return Exclusions(binary.Left, parameter, model, removed, token) && Exclusions(binary.Right, parameter, model, removed, token);
            case BinaryExpressionSyntax binary when binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NotEqualsExpression):
                var other = binary.Left is IdentifierNameSyntax { Identifier.ValueText: var left } && left == parameter ? binary.Right
                    : binary.Right is IdentifierNameSyntax { Identifier.ValueText: var right } && right == parameter ? binary.Left : null;
                if (other is not null && model.GetConstantValue(other, token) is { HasValue: true, Value: string name })
                {
                    removed.Add(name);
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    private static IEnumerable<ExpressionSyntax>? ElementsOf(ExpressionSyntax expression) => expression switch
    {
        ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
        ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
        InitializerExpressionSyntax init => init.Expressions,
        ObjectCreationExpressionSyntax { Type: GenericNameSyntax { Identifier.ValueText: "List" or "HashSet" }, ArgumentList.Arguments.Count: 0, Initializer: null } => System.Array.Empty<ExpressionSyntax>(),
        ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0, Initializer: { } init } when init.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CollectionInitializerExpression) => init.Expressions,
        ObjectCreationExpressionSyntax { ArgumentList: null, Initializer: { } init } when init.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CollectionInitializerExpression) => init.Expressions,
        ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0, Initializer: { } init } when init.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CollectionInitializerExpression) => init.Expressions,
        CollectionExpressionSyntax collection => collection.Elements.Select(e => e is ExpressionElementSyntax element ? element.Expression : null).OfType<ExpressionSyntax>().Count() == collection.Elements.Count
            ? collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression)
            : null,
        _ => null,
    };

    /// <summary>The initializer of a local or read-only field with one declaration (null for anything that may change).</summary>
    internal static ExpressionSyntax? InitializerOf(ISymbol symbol, CancellationToken token)
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
