using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>Reading a pipeline's columns: trainer options objects, column lists held in fields or arrays, loader columns.</summary>
internal sealed partial class MlNetPipeline
{
    /// <summary>The options argument of a trainer overload taking <c>XTrainer.Options</c>, or null.</summary>
    private static ExpressionSyntax? OptionsOf(MlNetCall call)
    {
        var options = call.Parameters.FirstOrDefault(p => p.Name == "options");
        if (options is null || options.Type.Name != "Options" || options.Type.ContainingType?.Name.EndsWith("Trainer", StringComparison.Ordinal) != true || (call.Method.ReducedFrom ?? call.Method).Parameters.IsEmpty)
        {
            return null;
        }

        return call.ArgumentsOf("options") is { Count: 1 } arguments ? arguments[0] : null;
    }

    /// <summary>The constant string members set in the options' object initializer (directly, or on the local it initialises).</summary>
    private static IEnumerable<(string Name, string? Value)> OptionValues(ExpressionSyntax options, SemanticModel model, CancellationToken token)
    {
        var creation = options as BaseObjectCreationExpressionSyntax;
        if (creation is null && options is IdentifierNameSyntax
            && model.GetSymbolInfo(options, token).Symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.Length == 1
            && local.DeclaringSyntaxReferences[0].GetSyntax(token) is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax initialised })
        {
            creation = initialised;
        }

        if (creation?.Initializer is not { } initializer)
        {
            yield break;
        }

        foreach (var expression in initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment)
            {
                var value = model.GetConstantValue(assignment.Right, token);
                yield return (name.Identifier.ValueText, value.HasValue ? value.Value as string : null);
            }
        }
    }

    /// <summary>
    /// A <c>TextLoader.Column[]</c> list passed by name (<c>LoanSchema.Columns</c>, <c>Loader.Columns()</c>, a
    /// local holding one), declared anywhere in source, maybe in another class: its constant column names
    /// are read from the declaration's syntax (no other tree is bound).
    /// </summary>
    private void FollowColumnList(ExpressionSyntax expression, SemanticModel model, CancellationToken token, int depth)
    {
        if (depth > 2 || expression is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax)
        {
            return;
        }

        var target = expression is InvocationExpressionSyntax invocation ? invocation.Expression : expression;
        var symbol = model.GetSymbolInfo(target, token).Symbol;
        if (symbol is null || symbol.DeclaringSyntaxReferences.Length != 1)
        {
            return;
        }

        var declaration = symbol.DeclaringSyntaxReferences[0].GetSyntax(token);
        if (symbol is ILocalSymbol)
        {
            if (declaration is VariableDeclaratorSyntax { Initializer.Value: { } value })
            {
                FollowColumnList(value, model, token, depth + 1);
            }

            return;
        }

        if (symbol is not (IFieldSymbol or IPropertySymbol or IMethodSymbol))
        {
            return;
        }

        foreach (var creation in declaration.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            if (creation.ArgumentList is { Arguments.Count: > 0 } arguments
                && (creation is ImplicitObjectCreationExpressionSyntax || (creation is ObjectCreationExpressionSyntax explicitCreation && explicitCreation.Type.ToString().EndsWith("Column", StringComparison.Ordinal)))
                && arguments.Arguments[0].Expression is LiteralExpressionSyntax { Token.Value: string name })
            {
                LoaderColumns.Add(new NamedColumn(name, creation));
            }
        }
    }

    /// <summary><c>new InputOutputColumnPair("Age", "Age")</c> items written inline in a multi-column transform's array.</summary>
    private void ReadInPlacePairs(ExpressionSyntax pairs, SemanticModel model, CancellationToken token)
    {
        foreach (var creation in pairs.DescendantNodesAndSelf().OfType<BaseObjectCreationExpressionSyntax>())
        {
            if (creation.ArgumentList is { Arguments.Count: 2 } arguments
                && model.GetConstantValue(arguments.Arguments[0].Expression, token) is { HasValue: true, Value: string output }
                && model.GetConstantValue(arguments.Arguments[1].Expression, token) is { HasValue: true, Value: string input }
                && string.Equals(output, input, StringComparison.OrdinalIgnoreCase)
                && model.GetTypeInfo(creation, token).Type is { Name: "InputOutputColumnPair" } type
                && MlNetCall.IsMlNet(type))
            {
                InPlaceTransforms.Add((output, creation.ArgumentList.Span));
            }
        }
    }

    private void ReadLoaderColumns(IEnumerable<ExpressionSyntax> creations, SemanticModel model, CancellationToken token)
    {
        foreach (var creation in creations)
        {
            if (creation is not BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } objectCreation
                || (creation is ObjectCreationExpressionSyntax explicitCreation && !explicitCreation.Type.ToString().EndsWith("Column", StringComparison.Ordinal)))
            {
                continue;
            }

            if (model.GetTypeInfo(creation, token).Type is INamedTypeSymbol { Name: "Column", ContainingType.Name: "TextLoader" } type
                && MlNetCall.IsMlNet(type)
                && model.GetConstantValue(objectCreation.ArgumentList!.Arguments[0].Expression, token) is { HasValue: true, Value: string name })
            {
                LoaderColumns.Add(new NamedColumn(name, objectCreation));
            }
        }
    }
}
