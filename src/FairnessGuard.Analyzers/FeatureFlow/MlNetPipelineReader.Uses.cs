using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>Which names of an ML.NET pipeline's block are uses of a column, and which only declare, remove or list it.</summary>
internal static partial class MlNetPipelineReader
{
    /// <summary>
    /// Whether the name is written in the block (outside <paramref name="notUses"/>) as anything but a type: an enum named
    /// like the column (<c>Sexo = Sexo.Masculino</c> in the training rows) is no use of the column. Bound only for a
    /// sensitive column the block names, so rarely.
    /// </summary>
    private static bool ReadAsValue(BlockScan scan, List<TextSpan> notUses, string name, SemanticModel model, CancellationToken token)
    {
        foreach (var literal in scan.Literals)
        {
            if (string.Equals(literal.Token.ValueText, name, StringComparison.OrdinalIgnoreCase) && !BlockScan.IsInside(literal.Span, notUses))
            {
                return true;
            }
        }

        foreach (var identifier in scan.Identifiers)
        {
            if (string.Equals(identifier.Identifier.ValueText, name, StringComparison.OrdinalIgnoreCase) && !BlockScan.IsInitializerTarget(identifier)
                && !BlockScan.IsInside(identifier.Span, notUses) && model.GetSymbolInfo(identifier, token).Symbol is not (ITypeSymbol or INamespaceSymbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Spans whose names are no uses of a column: a column's own declaration (a <c>TextLoader.Column</c>) and its removal;
    /// a resolved feature list, which is checked by membership (the names written in it, a filter's <c>c != "Gender"</c>,
    /// an Except list, are not uses), with the initializers of the locals and fields it names
    /// (<c>var features = all.Where(n =&gt; n != "Gender")</c>); and a column cleaned in place (imputed, normalized, converted:
    /// the output is the input), which is a feature only if a resolved feature list names it (a trainer reading it directly
    /// keeps it used).
    /// </summary>
    private static List<TextSpan> NotUses(MlNetPipeline pipeline, SyntaxTree tree, SemanticModel model, CancellationToken token)
    {
        var spans = new List<TextSpan>();
        foreach (var (call, _) in pipeline.Drops)
        {
            spans.Add(call.Syntax.ArgumentList.Span);
        }

        foreach (var column in pipeline.LoaderColumns)
        {
            if (column.Node.SyntaxTree == tree)
            {
                spans.Add(column.Node.Span);
            }
        }

        foreach (var (call, output, inputs) in pipeline.Concatenations)
        {
            if (inputs is not null && pipeline.FeatureColumns.Contains(output))
            {
                spans.Add(call.Syntax.ArgumentList.Span);
                AddListInitializers(call.Syntax.ArgumentList, model, spans, token);
            }
        }

        foreach (var (name, span) in pipeline.InPlaceTransforms)
        {
            if (!pipeline.FeatureColumns.Contains(name))
            {
                spans.Add(span);
            }
        }

        return spans;
    }

    private static void AddListInitializers(ArgumentListSyntax arguments, SemanticModel model, List<TextSpan> spans, CancellationToken token)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (argument.Expression is IdentifierNameSyntax name
                && model.GetSymbolInfo(name, token).Symbol is { DeclaringSyntaxReferences: { Length: 1 } references } and (ILocalSymbol or IFieldSymbol { IsReadOnly: true })
                && references[0].GetSyntax(token) is VariableDeclaratorSyntax { Initializer: { } initializer }
                && initializer.SyntaxTree == arguments.SyntaxTree)
            {
                spans.Add(initializer.Span);
            }
        }
    }
}
