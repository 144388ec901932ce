using System.Collections.Generic;
using System.Threading;
using FairnessGuard.Analyzers.Model;
using FairnessGuard.Analyzers.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// Shape 3, explicit removal: <c>features.Remove("gender")</c>, <c>frame.Columns.Remove("Sex")</c> or
/// <c>RemoveColumn</c>/<c>DropColumn</c> with a sensitive name, on a collection that then reaches a
/// prediction in the same block. <c>ModelState.Remove("Gender")</c> in a controller and a report table's
/// <c>Columns.Remove("SEX")</c> reach no prediction and stay silent.
/// </summary>
internal static class FeatureRemovalReader
{
    public static void Read(BlockScan scan, SemanticModel model, NameMatchers names, List<FeatureFinding> findings, CancellationToken token)
    {
        if (scan.PredictionCalls.Count == 0)
        {
            return;
        }

        var flow = new PredictionFlow(scan, returnCounts: false, anyUseCounts: false);
        foreach (var removal in scan.Removals)
        {
            if (removal.ArgumentList.Arguments.Count != 1
                || removal.Expression is not MemberAccessExpressionSyntax access
                || model.GetConstantValue(removal.ArgumentList.Arguments[0].Expression, token) is not { HasValue: true, Value: string column }
                || !names.IsSensitive(column)
                || PredictionFlow.RootName(access.Expression) is not { } root
                || IsModelState(access.Expression, model, token)
                || !flow.VariableReaches(root, removal.Span.End))
            {
                continue;
            }

            var how = $"removed from '{root}' by {access.Name.Identifier.ValueText}(\"{column}\") on the way to the model";
            findings.Add(new FeatureFinding(FindingKind.Dropped, removal.GetLocation(), column, $"'{root}'", how, null, column));
        }
    }

    private static bool IsModelState(ExpressionSyntax receiver, SemanticModel model, CancellationToken token) =>
        model.GetTypeInfo(receiver, token).Type is { Name: "ModelStateDictionary" };
}
