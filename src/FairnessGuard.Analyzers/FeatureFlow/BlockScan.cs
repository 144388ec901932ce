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
internal sealed partial class BlockScan
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

    public SyntaxNode Block { get; private set; }

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
            scan.Add(node, names);
        }

        return scan;
    }

    /// <summary>
    /// An empty scan of <paramref name="block"/>, filled node by node with <see cref="Add"/> by a walk that also
    /// looks for triggers; <paramref name="reuse"/> (a scan no reader was given) is emptied rather than a new one made.
    /// </summary>
    public static BlockScan Start(SyntaxNode block, BlockScan? reuse)
    {
        if (reuse is null)
        {
            return new BlockScan(block);
        }

        reuse.Block = block;
        reuse.HasPipelineCall = false;
        reuse.Invocations.Clear();
        reuse.PredictionCalls.Clear();
        reuse.Removals.Clear();
        reuse.FeatureCandidates.Clear();
        reuse.SizedArrays.Clear();
        reuse.Identifiers.Clear();
        reuse.Literals.Clear();
        reuse._words = null;
        reuse._stringValues = null;
        return reuse;
    }

    /// <summary>
    /// Records one node of the block; true when it is a trigger call (<see cref="ModelCodeBlocks.IsTriggerCall"/>),
    /// so the walk that looks for triggers and the block's scan are one pass.
    /// </summary>
    public bool Add(SyntaxNode node, NameMatchers names)
    {
        switch (node)
        {
            case IdentifierNameSyntax identifier:
                Identifiers.Add(identifier);
                break;
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                Literals.Add(literal);
                break;
            case InvocationExpressionSyntax invocation:
                return AddInvocation(invocation, names);
            case ArrayCreationExpressionSyntax { Initializer: not null }:
            case ImplicitArrayCreationExpressionSyntax:
            case CollectionExpressionSyntax:
            case ObjectCreationExpressionSyntax:
            case ImplicitObjectCreationExpressionSyntax:
            case AnonymousObjectCreationExpressionSyntax:
                FeatureCandidates.Add((ExpressionSyntax)node);
                break;
            case ArrayCreationExpressionSyntax { Initializer: null } sized:
                SizedArrays.Add(sized);
                break;
        }

        return false;
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

    private bool AddInvocation(InvocationExpressionSyntax invocation, NameMatchers names)
    {
        Invocations.Add(invocation);
        var name = NameOf(invocation);
        if (name is null)
        {
            return false;
        }

        var pipeline = IsPipelineName(name);
        HasPipelineCall |= pipeline;
        if (RemovalNames.Contains(name) || FrameRemovalNames.Contains(name))
        {
            Removals.Add(invocation);
        }

        // The same test as ModelCodeBlocks.IsTriggerCall, on the name read once.
        var prediction = names.IsPredictionName(name) || IsScoringServiceCall(invocation, name);
        if (prediction || name == "Concatenate" || MapsWithPrediction(invocation, name, names))
        {
            PredictionCalls.Add(invocation);
        }

        return pipeline || prediction;
    }

    /// <summary>Whether the span lies inside one of the excluded spans.</summary>
    public static bool IsInside(TextSpan span, IReadOnlyList<TextSpan> excluded)
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
