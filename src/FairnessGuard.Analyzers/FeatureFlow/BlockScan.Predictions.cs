using System;
using System.Collections.Generic;
using FairnessGuard.Analyzers.Naming;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>Which calls of a block are predictions: by name, on a scoring service, or mapped over a collection.</summary>
internal sealed partial class BlockScan
{
    private static readonly HashSet<string> ServiceVerbs = new(StringComparer.Ordinal) { "Calculate", "Evaluate", "Compute", "Assess", "Estimate", "Rate" };

    private static readonly HashSet<string> ScoringReceiverWords = new(StringComparer.Ordinal)
    {
        "scorer", "scoring", "score", "predictor", "prediction", "classifier", "risk", "underwriting", "credit", "model",
    };

    /// <summary>
    /// A prediction verb that only counts on a scoring service: <c>_scoringService.Calculate(features)</c>,
    /// <c>riskModel.Evaluate(x)</c>. The receiver (an identifier or <c>this.x</c>, read from syntax) must be
    /// named like a scorer, so <c>tax.Calculate(…)</c> or ML.NET's <c>BinaryClassification.Evaluate(…)</c> are not.
    /// </summary>
    public static bool IsScoringServiceCall(InvocationExpressionSyntax invocation, string name)
    {
        if (!ServiceVerbs.Contains(name) || invocation.Expression is not MemberAccessExpressionSyntax access)
        {
            return false;
        }

        var receiver = access.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText,
            _ => null,
        };
        if (receiver is null)
        {
            return false;
        }

        foreach (var word in Naming.IdentifierTokens.Split(receiver))
        {
            if (ScoringReceiverWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>inputs.Select(scorer.Score)</c> or <c>inputs.Select(x => scorer.Score(x))</c>: a mapping call whose only
    /// argument is a prediction method group, or a one-parameter lambda that hands its element whole to a
    /// prediction, applies the prediction to every element, so the call is a prediction of its receiver. Only
    /// mapping names, where an argument must be a delegate: elsewhere <c>result.Score</c> is as likely a property read.
    /// </summary>
    private static bool MapsWithPrediction(InvocationExpressionSyntax invocation, string name, NameMatchers names) =>
        MappingNames.Contains(name)
        && invocation.ArgumentList.Arguments.Count == 1
        && invocation.ArgumentList.Arguments[0].Expression switch
        {
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } => names.IsPredictionName(member.Identifier.ValueText),
            IdentifierNameSyntax method => names.IsPredictionName(method.Identifier.ValueText),
            SimpleLambdaExpressionSyntax { ExpressionBody: { } body } lambda => PredictsWhole(body, lambda.Parameter.Identifier.ValueText, names),
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1, ExpressionBody: { } body } lambda => PredictsWhole(body, lambda.ParameterList.Parameters[0].Identifier.ValueText, names),
            _ => false,
        };

    /// <summary>
    /// Whether a lambda body is a prediction call (or a member of its result, <c>scorer.Predict(x).Score</c>) that
    /// takes the lambda's parameter itself as an argument.
    /// </summary>
    private static bool PredictsWhole(ExpressionSyntax body, string parameter, NameMatchers names)
    {
        var call = body is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax inner } ? inner : body as InvocationExpressionSyntax;
        if (call is null || NameOf(call) is not { } callName || !(names.IsPredictionName(callName) || IsScoringServiceCall(call, callName)))
        {
            return false;
        }

        foreach (var argument in call.ArgumentList.Arguments)
        {
            if (argument.Expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == parameter)
            {
                return true;
            }
        }

        return false;
    }
}
