using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FairnessGuard.Analyzers.FeatureFlow;
using FairnessGuard.Analyzers.Model;
using FairnessGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Analyzers;

/// <summary>
/// Reads how model code selects its features (ML.NET pipelines, hand-written feature sets, explicit
/// removals) and reports FG0001 (sensitive attribute dropped), FG0002 (proxy kept) and FG0004 (sensitive
/// attribute used) when no output policy covers the model.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FeatureSelectionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        SensitiveAttributeDroppedRule.Descriptor,
        ProxyKeptRule.Descriptor,
        SensitiveAttributeUsedRule.Descriptor);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var fairness = new FairnessCompilationContext(start.Compilation, start.Options);

            // Syntax-node actions ride on the compiler's one walk of each method; only a block holding a
            // trigger (a pipeline or prediction call, or a scoring / feature-building method) is read, once.
            start.RegisterSyntaxNodeAction(
                node =>
                {
                    if (ModelCodeBlocks.IsTriggerCall((InvocationExpressionSyntax)node.Node, fairness.NamesFor(node.Node.SyntaxTree)))
                    {
                        AnalyzeBlockOnce(node, ModelCodeBlocks.EnclosingBlock(node.Node), fairness);
                    }
                },
                SyntaxKind.InvocationExpression);
            start.RegisterSyntaxNodeAction(
                node =>
                {
                    if (ModelCodeBlocks.IsTriggerMethod((MethodDeclarationSyntax)node.Node, fairness.NamesFor(node.Node.SyntaxTree)))
                    {
                        AnalyzeBlockOnce(node, node.Node, fairness);
                    }
                },
                SyntaxKind.MethodDeclaration);
        });
    }

    private static void AnalyzeBlockOnce(SyntaxNodeAnalysisContext context, SyntaxNode? block, FairnessCompilationContext fairness)
    {
        if (block is null || !fairness.FirstVisit(block))
        {
            return;
        }

        var token = context.CancellationToken;
        var model = context.SemanticModel;
        var owner = ModelCodeBlocks.OwnerOf(block, model, token);
        var names = fairness.NamesFor(block.SyntaxTree);
        var scan = BlockScan.Run(block, names);
        var findings = new List<FeatureFinding>();
        if (scan.HasPipelineCall)
        {
            MlNetPipelineReader.Read(scan, model, fairness, names, findings, token);
        }

        if (scan.FeatureCandidates.Count > 0)
        {
            HandWrittenFeatureReader.Read(scan, model, owner, fairness, names, findings, token);
        }

        if (scan.Removals.Count > 0)
        {
            FeatureRemovalReader.Read(scan, model, names, findings, token);
        }

        if (findings.Count == 0 || (fairness.MayUseParityGuard && GuardedAtRunTime(block)))
        {
            return;
        }

        var target = PolicyTarget(block, owner);
        foreach (var finding in findings)
        {
            var member = finding.DroppedFinding?.MemberName ?? finding.MemberName;
            if (fairness.IsConstrained(owner, member))
            {
                continue;
            }

            context.ReportDiagnostic(finding.Kind switch
            {
                FindingKind.Dropped => SensitiveAttributeDroppedRule.Create(finding, target),
                FindingKind.ProxyKept => ProxyKeptRule.Create(finding, target),
                _ => SensitiveAttributeUsedRule.Create(finding, target),
            });
        }
    }

    /// <summary>The method a policy attribute would go on: the ordinary method that owns the block.</summary>
    private static Location? PolicyTarget(SyntaxNode block, ISymbol? owner) =>
        owner is IMethodSymbol { MethodKind: MethodKind.Ordinary } && block is MethodDeclarationSyntax method
            ? method.Identifier.GetLocation()
            : null;

    /// <summary>A <c>ParityGuard</c> used in the same type (or file, for top-level code) corrects the outputs at run time.</summary>
    private static bool GuardedAtRunTime(SyntaxNode block)
    {
        var scope = block.FirstAncestorOrSelf<TypeDeclarationSyntax>() ?? block.SyntaxTree.GetRoot();
        return scope.DescendantTokens().Any(t => t.ValueText == "ParityGuard");
    }
}
