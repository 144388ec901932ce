using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FairnessGuard.Analyzers.Model;
using FairnessGuard.Analyzers.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// Shape 3, explicit removal: <c>features.Remove("gender")</c>, <c>frame.Columns.Remove("Sex")</c>,
/// <c>RemoveColumn</c>/<c>DropColumn</c> (Deedle), <c>Columns.RemoveAt(Columns.IndexOf("Sex"))</c>
/// (Microsoft.Data.Analysis), <c>Drop("sex", "race")</c> (Spark), <c>DropColumns</c>/<c>RemoveColumns</c> and
/// params-array helpers, with constant column names of which one is sensitive. A removal written as a
/// statement (or one that returns whether it removed) changes its receiver, which must then reach a prediction in
/// the same block; a removal whose result is used otherwise returns the reduced frame, which must reach it. <c>ModelState.Remove("Gender")</c> in a
/// controller and a report table's <c>Columns.Remove("SEX")</c> reach no prediction and stay silent; ML.NET's
/// own <c>DropColumns</c> is the pipeline reader's.
/// </summary>
internal static class FeatureRemovalReader
{
    public static void Read(BlockScan scan, SemanticModel model, FairnessCompilationContext context, NameMatchers names, List<FeatureFinding> findings, CancellationToken token)
    {
        if (scan.PredictionCalls.Count == 0)
        {
            return;
        }

        var flow = new PredictionFlow(scan, returnCounts: false, anyUseCounts: false);
        foreach (var removal in scan.Removals)
        {
            if (removal.ArgumentList.Arguments.Count == 0
                || removal.Expression is not MemberAccessExpressionSyntax access
                || PredictionFlow.RootName(access.Expression) is not { } root
                || ColumnsOf(removal, access, model, context, token) is not { } columns
                || !columns.Any(c => names.IsSensitive(c.Name))
                || IsModelStateOrMlNet(access.Expression, model, token))
            {
                continue;
            }

            // A statement, or a Remove that answers whether it removed (Dictionary, List): the receiver changed.
            var changesReceiver = removal.Parent is ExpressionStatementSyntax || model.GetTypeInfo(removal, token).Type?.SpecialType == SpecialType.System_Boolean;
            if (changesReceiver ? !flow.VariableReaches(root, removal.Span.End) : !flow.Reaches(removal))
            {
                continue;
            }

            var method = access.Name.Identifier.ValueText;
            foreach (var column in columns.Where(c => names.IsSensitive(c.Name)))
            {
                // One name: the call is the removal. Several: each sensitive name is its own finding.
                var location = columns.Count == 1 ? removal.GetLocation() : column.Node.GetLocation();
                var how = changesReceiver
                    ? $"removed from '{root}' by {method}(\"{column.Name}\") on the way to the model"
                    : $"removed by '{root}'.{method}(\"{column.Name}\"), whose result goes to the model";
                findings.Add(new FeatureFinding(FindingKind.Dropped, location, column.Name, $"'{root}'", how, null, column.Name));
            }
        }
    }

    /// <summary>The constant column names a removal names, or null when one of them is not a constant.</summary>
    private static List<NamedColumn>? ColumnsOf(InvocationExpressionSyntax removal, MemberAccessExpressionSyntax access, SemanticModel model, FairnessCompilationContext context, CancellationToken token)
    {
        var arguments = removal.ArgumentList.Arguments;
        if (arguments.Any(a => !a.RefKindKeyword.IsKind(SyntaxKind.None)))
        {
            return null;
        }

        if (access.Name.Identifier.ValueText != "RemoveAt")
        {
            return StringConstants.Resolve(arguments.Select(a => a.Expression), model, context, token);
        }

        // By position, only as columns.RemoveAt(columns.IndexOf("Sex")) on the same collection.
        return arguments.Count == 1
            && arguments[0].Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IndexOf" } indexOf } lookup
            && lookup.ArgumentList.Arguments.Count == 1
            && SyntaxFactory.AreEquivalent(indexOf.Expression, access.Expression)
            && model.GetConstantValue(lookup.ArgumentList.Arguments[0].Expression, token) is { HasValue: true, Value: string column }
            ? new List<NamedColumn> { new(column, lookup) }
            : null;
    }

    private static bool IsModelStateOrMlNet(ExpressionSyntax receiver, SemanticModel model, CancellationToken token) =>
        model.GetTypeInfo(receiver, token).Type is { } type && (type.Name == "ModelStateDictionary" || MlNetCall.IsMlNet(type));
}
