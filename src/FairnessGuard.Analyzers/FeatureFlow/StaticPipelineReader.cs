using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FairnessGuard.Analyzers.Model;
using FairnessGuard.Analyzers.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// Shape 1, ML.NET static pipelines (<c>Microsoft.ML.StaticPipe</c>): a sensitive column declared by the
/// block's one static text reader (<c>CreateReader(env, ctx =&gt; (Sex: ctx.LoadText(2), …))</c>) that the
/// <c>ConcatWith</c> chain feeding a trainer's features leaves out, and that nothing else in the block reads.
/// </summary>
/// <remarks>
/// Columns are tuple elements, read as <c>row.Sex</c>: a column named anywhere in the block (a label, another
/// transform, a string for the dynamic API) counts as used. A row handed on whole (<c>row =&gt; Map(row)</c>)
/// could carry the column anywhere, so the reader then stays silent.
/// </remarks>
internal static class StaticPipelineReader
{
    public static void Read(BlockScan scan, SemanticModel model, NameMatchers names, List<FeatureFinding> findings, CancellationToken token)
    {
        InvocationExpressionSyntax? readerSyntax = null;
        var concats = new List<InvocationExpressionSyntax>();
        foreach (var invocation in scan.Invocations)
        {
            switch (BlockScan.NameOf(invocation))
            {
                case BlockScan.StaticConcatName when IsOutermostConcat(invocation):
                    concats.Add(invocation);
                    break;
                case "CreateReader" or "CreateLoader":
                    if (readerSyntax is not null)
                    {
                        return;
                    }

                    readerSyntax = invocation;
                    break;
            }
        }

        if (readerSyntax is null || concats.Count == 0
            || MlNetCall.Bind(readerSyntax, model, token) is not { } reader
            || ReaderColumns(reader) is not { } columns
            || !RowsReadByMemberOnly(scan))
        {
            return;
        }

        var featureConcat = FeatureConcatFeedingTrainer(scan, concats, model, token);
        if (featureConcat is null)
        {
            return;
        }

        var referenced = scan.NamesReferencedOutside(columns.Select(c => c.Span).ToList());
        foreach (var column in columns)
        {
            var name = column.Identifier.ValueText;
            if (names.IsSensitive(name) && !referenced.Contains(name))
            {
                var (call, output) = featureConcat.Value;
                findings.Add(new FeatureFinding(
                    FindingKind.Dropped,
                    call.GetLocation(),
                    name,
                    $"the columns loaded by {reader.Method.ContainingType.Name}.{reader.Name}",
                    $"left out of the ConcatWith(…) that builds '{output}'",
                    null,
                    name));
            }
        }
    }

    /// <summary>The tuple element names of the reader's shape, <c>ctx =&gt; (Label: …, Sex: …)</c>; null when not a tuple literal.</summary>
    private static List<IdentifierNameSyntax>? ReaderColumns(MlNetCall reader)
    {
        if (reader.ArgumentsOf("func") is not { Count: 1 } func
            || func[0] is not LambdaExpressionSyntax { ExpressionBody: TupleExpressionSyntax shape })
        {
            return null;
        }

        var columns = new List<IdentifierNameSyntax>();
        foreach (var element in shape.Arguments)
        {
            if (element.NameColon is { } nameColon)
            {
                columns.Add(nameColon.Name);
            }
        }

        return columns;
    }

    private static bool IsOutermostConcat(InvocationExpressionSyntax invocation) =>
        !(invocation.Parent is MemberAccessExpressionSyntax access && access.Expression == invocation
            && access.Parent is InvocationExpressionSyntax outer && BlockScan.NameOf(outer) == BlockScan.StaticConcatName);

    /// <summary>
    /// The first ML.NET <c>ConcatWith</c> chain written as a tuple element (<c>Features: row.Age.ConcatWith(…)</c>)
    /// whose element a trainer takes as its features (<c>Sdca(row.Label, row.Features)</c>).
    /// </summary>
    private static (InvocationExpressionSyntax Call, string Output)? FeatureConcatFeedingTrainer(BlockScan scan, List<InvocationExpressionSyntax> concats, SemanticModel model, CancellationToken token)
    {
        var fed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var invocation in scan.Invocations)
        {
            if (invocation.ArgumentList.Arguments.Count >= 2
                && MlNetCall.Bind(invocation, model, token) is { } call
                && call.HasParameter("label")
                && call.ArgumentsOf("features") is { Count: 1 } features
                && features[0] is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax element })
            {
                fed.Add(element.Identifier.ValueText);
            }
        }

        foreach (var concat in concats)
        {
            if (concat.Parent is ArgumentSyntax { NameColon: { } output, Parent: TupleExpressionSyntax }
                && fed.Contains(output.Name.Identifier.ValueText)
                && MlNetCall.Bind(concat, model, token) is not null)
            {
                return (concat, output.Name.Identifier.ValueText);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether every row of the static pipeline (<c>Append(row =&gt; …)</c>) is read one column at a time,
    /// <c>row.Age</c>, and never passed on whole.
    /// </summary>
    private static bool RowsReadByMemberOnly(BlockScan scan)
    {
        foreach (var invocation in scan.Invocations)
        {
            if (BlockScan.NameOf(invocation) != "Append")
            {
                continue;
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (argument.Expression is not LambdaExpressionSyntax lambda)
                {
                    continue;
                }

                var parameter = lambda switch
                {
                    SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
                    ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
                    _ => null,
                };
                if (parameter is null)
                {
                    return false;
                }

                foreach (var identifier in scan.Identifiers)
                {
                    if (lambda.Span.Contains(identifier.Span) && identifier.Identifier.ValueText == parameter
                        && !(identifier.Parent is MemberAccessExpressionSyntax access && access.Expression == identifier))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }
}
