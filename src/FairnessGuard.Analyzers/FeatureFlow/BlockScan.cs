using System;
using System.Collections.Generic;
using System.Linq;
using FairnessGuard.Analyzers.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// One syntax-only pass over a code block that records what the readers may need, so a block with none of
/// the shapes costs one walk and no binding.
/// </summary>
internal sealed class BlockScan
{
    private static readonly HashSet<string> PipelineNames = new(StringComparer.Ordinal) { "Concatenate", "DropColumns", "SelectColumns" };
    private static readonly HashSet<string> MappingNames = new(StringComparer.Ordinal) { "Select", "SelectMany", "ConvertAll" };
    private static readonly HashSet<string> RemovalNames = new(StringComparer.Ordinal) { "Remove", "RemoveColumn", "DropColumn" };

    // Data-frame removals: Microsoft.Data.Analysis Columns.RemoveAt(IndexOf(...)), Spark Drop(params string[]), DropColumns/RemoveColumns helpers.
    private static readonly HashSet<string> FrameRemovalNames = new(StringComparer.Ordinal) { "RemoveAt", "Drop", "DropColumns", "RemoveColumns" };

    private HashSet<string>? _words;
    private HashSet<string>? _stringValues;

    private BlockScan(SyntaxNode block)
    {
        Block = block;
    }

    public SyntaxNode Block { get; }

    public List<InvocationExpressionSyntax> Invocations { get; } = new();

    public List<InvocationExpressionSyntax> PredictionCalls { get; } = new();

    public List<InvocationExpressionSyntax> Removals { get; } = new();

    public List<ExpressionSyntax> FeatureCandidates { get; } = new();

    /// <summary>Arrays created by size, without elements (<c>new float[3]</c>): filled later by index, if at all.</summary>
    public List<ArrayCreationExpressionSyntax> SizedArrays { get; } = new();

    public List<IdentifierNameSyntax> Identifiers { get; } = new();

    public List<LiteralExpressionSyntax> Literals { get; } = new();

    /// <summary>
    /// Every identifier text read in the block, and every string literal value: what "is referenced" means.
    /// A member set in an object initializer (<c>new Input { Gender = "F" }</c>) is written, not read.
    /// </summary>
    /// <remarks>Built on first use (few blocks need it) from <see cref="Identifiers"/>.</remarks>
    public HashSet<string> Words => _words ??= new(Identifiers.Where(i => !IsInitializerTarget(i)).Select(i => i.Identifier.ValueText), StringComparer.Ordinal);

    /// <summary>The value of every string literal in the block, built on first use from <see cref="Literals"/>.</summary>
    public HashSet<string> StringValues => _stringValues ??= new(Literals.Select(l => l.Token.ValueText), StringComparer.OrdinalIgnoreCase);

    public bool HasPipelineCall { get; private set; }

    /// <summary>The static-pipeline API (<c>Microsoft.ML.StaticPipe</c>) concatenates features with <c>ConcatWith</c>.</summary>
    public const string StaticConcatName = "ConcatWith";

    public static bool IsPipelineName(string name) => PipelineNames.Contains(name) || name == StaticConcatName;

    public static BlockScan Run(SyntaxNode block, NameMatchers names)
    {
        var scan = new BlockScan(block);
        foreach (var node in block.DescendantNodes())
        {
            switch (node)
            {
                case IdentifierNameSyntax identifier:
                    scan.Identifiers.Add(identifier);
                    break;
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    scan.Literals.Add(literal);
                    break;
                case InvocationExpressionSyntax invocation:
                    scan.AddInvocation(invocation, names);
                    break;
                case ArrayCreationExpressionSyntax { Initializer: not null }:
                case ImplicitArrayCreationExpressionSyntax:
                case CollectionExpressionSyntax:
                case ObjectCreationExpressionSyntax:
                case ImplicitObjectCreationExpressionSyntax:
                case AnonymousObjectCreationExpressionSyntax:
                    scan.FeatureCandidates.Add((ExpressionSyntax)node);
                    break;
                case ArrayCreationExpressionSyntax { Initializer: null } sized:
                    scan.SizedArrays.Add(sized);
                    break;
            }
        }

        return scan;
    }

    /// <summary>
    /// Every identifier read and every string literal in the block, except inside the excluded spans (a
    /// column's own declaration or removal is not a use of it): what "referenced elsewhere" means to the readers.
    /// </summary>
    public HashSet<string> NamesReferencedOutside(IReadOnlyList<TextSpan> excluded)
    {
        var referenced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var literal in Literals)
        {
            if (!IsInside(literal.Span, excluded))
            {
                referenced.Add(literal.Token.ValueText);
            }
        }

        foreach (var identifier in Identifiers)
        {
            if (!IsInitializerTarget(identifier) && !IsInside(identifier.Span, excluded))
            {
                referenced.Add(identifier.Identifier.ValueText);
            }
        }

        return referenced;
    }

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

    /// <summary>Whether the node is inside the argument of <c>nameof(…)</c>.</summary>
    public static bool IsInsideNameof(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
            {
                return true;
            }

            if (current is StatementSyntax or MemberDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }

    public static bool IsInitializerTarget(IdentifierNameSyntax identifier) =>
        identifier.Parent is AssignmentExpressionSyntax assignment
        && assignment.Left == identifier
        && assignment.Parent is InitializerExpressionSyntax;

    /// <summary>The invoked method's simple name, from syntax alone.</summary>
    public static string? NameOf(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    private void AddInvocation(InvocationExpressionSyntax invocation, NameMatchers names)
    {
        Invocations.Add(invocation);
        var name = NameOf(invocation);
        if (name is null)
        {
            return;
        }

        if (IsPipelineName(name))
        {
            HasPipelineCall = true;
        }

        if (RemovalNames.Contains(name))
        {
            Removals.Add(invocation);
        }

        if (FrameRemovalNames.Contains(name))
        {
            Removals.Add(invocation);
        }

        if (names.IsPredictionName(name) || name == "Concatenate" || IsScoringServiceCall(invocation, name) || MapsWithPrediction(invocation, name, names))
        {
            PredictionCalls.Add(invocation);
        }
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

    private static bool IsInside(TextSpan span, IReadOnlyList<TextSpan> excluded)
    {
        // By index: a foreach over the interface would allocate an enumerator per identifier of the block.
        for (var i = 0; i < excluded.Count; i++)
        {
            if (excluded[i].Contains(span))
            {
                return true;
            }
        }

        return false;
    }
}
