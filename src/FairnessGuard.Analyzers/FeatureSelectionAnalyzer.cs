using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FairnessGuard.Analyzers.FeatureFlow;
using FairnessGuard.Analyzers.Model;
using FairnessGuard.Analyzers.Rules;
using Microsoft.CodeAnalysis;
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
            start.RegisterCodeBlockAction(block => AnalyzeBlock(block, fairness));
        });
    }

    private static void AnalyzeBlock(CodeBlockAnalysisContext context, FairnessCompilationContext fairness)
    {
        var token = context.CancellationToken;
        var names = fairness.NamesFor(context.CodeBlock.SyntaxTree);
        if (!BlockScan.MayMatter(context.CodeBlock, names, HandWrittenFeatureReader.IsModelCodeOwner(context.OwningSymbol, names)))
        {
            return;
        }

        var scan = BlockScan.Run(context.CodeBlock, names);
        var findings = new List<FeatureFinding>();
        if (scan.HasPipelineCall)
        {
            MlNetPipelineReader.Read(scan, context.SemanticModel, fairness, names, findings, token);
        }

        if (scan.FeatureCandidates.Count > 0)
        {
            HandWrittenFeatureReader.Read(scan, context.SemanticModel, context.OwningSymbol, fairness, names, findings, token);
        }

        if (scan.Removals.Count > 0)
        {
            FeatureRemovalReader.Read(scan, context.SemanticModel, names, findings, token);
        }

        if (findings.Count == 0 || (fairness.MayUseParityGuard && GuardedAtRunTime(context.CodeBlock)))
        {
            return;
        }

        var target = PolicyTarget(context.CodeBlock, context.OwningSymbol);
        foreach (var finding in findings)
        {
            var member = finding.DroppedFinding?.MemberName ?? finding.MemberName;
            if (fairness.IsConstrained(context.OwningSymbol, member))
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
    private static Location? PolicyTarget(SyntaxNode block, ISymbol owner) =>
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
