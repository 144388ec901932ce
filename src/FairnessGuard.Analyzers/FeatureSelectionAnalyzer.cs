using System.Collections.Generic;
using System.Collections.Immutable;
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

        // Generated code is skipped here, not by the driver: see Model.GeneratedCode for why.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var fairness = new FairnessCompilationContext(start.Compilation, start.Options);

            // One action per file, on the driver's shared semantic model (which holds the compiler's bound
            // method bodies): generated files are skipped whole, and one walk of the file finds the triggers (a
            // pipeline or prediction call, or a scoring / feature-building method). Registering syntax-node
            // actions instead made the driver gather and dispatch every node of every member (see
            // docs/benchmarks-analyzers.md). Each block holding a trigger is read once.
            start.RegisterSemanticModelAction(model =>
            {
                var tree = fairness.TreeFor(model.SemanticModel.SyntaxTree, model.CancellationToken);
                if (!tree.IsGenerated)
                {
                    AnalyzeTree(model, tree, fairness);
                }
            });
        });
    }

    private static void AnalyzeTree(SemanticModelAnalysisContext context, TreeContext tree, FairnessCompilationContext fairness)
    {
        // Blocks are members (or the file, for top-level statements). The walk goes member by member and stops
        // reading a member at its first trigger: the block is then read whole, so the rest of it needs no visit
        // (ML.NET samples call Fit halfway through their one method). The order of the blocks is the file's.
        var visited = new HashSet<SyntaxNode>();
        BlockScan? spare = null;
        VisitMembers(context, context.SemanticModel.SyntaxTree.GetRoot(context.CancellationToken), tree, fairness, visited, ref spare);
    }

    private static void VisitMembers(SemanticModelAnalysisContext context, SyntaxNode container, TreeContext tree, FairnessCompilationContext fairness, HashSet<SyntaxNode> visited, ref BlockScan? spare)
    {
        foreach (var child in container.ChildNodes())
        {
            switch (child)
            {
                case BaseNamespaceDeclarationSyntax or BaseTypeDeclarationSyntax:
                    VisitMembers(context, child, tree, fairness, visited, ref spare);
                    break;
                case DelegateDeclarationSyntax:
                    break;
                case GlobalStatementSyntax or MemberDeclarationSyntax:
                    VisitMember(context, child, tree, fairness, visited, ref spare);
                    break;
            }
        }
    }

    private static void VisitMember(SemanticModelAnalysisContext context, SyntaxNode member, TreeContext tree, FairnessCompilationContext fairness, HashSet<SyntaxNode> visited, ref BlockScan? spare)
    {
        // A global statement's block is the file (its parent), read once for all of them.
        var own = member is GlobalStatementSyntax ? member.Parent : member;
        if (own is null || visited.Contains(own))
        {
            return;
        }

        if (member is MethodDeclarationSyntax method && ModelCodeBlocks.IsTriggerMethod(method, tree.Names))
        {
            Analyze(context, method, null, tree, fairness, visited);
            return;
        }

        if (own != member)
        {
            VisitGlobalStatement(context, member, tree, fairness, visited);
            return;
        }

        if (MemberShapes.HoldsOnlyData(member))
        {
            return;
        }

        // One pass both looks for the member's first trigger and scans it (the block is the member): after the
        // trigger the pass only scans. A member without a trigger hands its scan on to the next one, emptied.
        var scan = BlockScan.Start(member, spare);
        spare = null;
        var triggered = false;
        foreach (var node in member.DescendantNodes())
        {
            var triggerCall = scan.Add(node, tree.Names);
            if (triggered)
            {
                continue;
            }

            var block = TriggeredBlock(node, triggerCall, tree.Names);
            if (block == member)
            {
                triggered = true;
            }
            else if (block is not null)
            {
                Analyze(context, block, null, tree, fairness, visited);
            }
        }

        if (triggered)
        {
            Analyze(context, member, scan, tree, fairness, visited);
        }
        else
        {
            spare = scan;
        }
    }

    private static void VisitGlobalStatement(SemanticModelAnalysisContext context, SyntaxNode statement, TreeContext tree, FairnessCompilationContext fairness, HashSet<SyntaxNode> visited)
    {
        foreach (var node in statement.DescendantNodes())
        {
            var triggerCall = node is InvocationExpressionSyntax invocation && ModelCodeBlocks.IsTriggerCall(invocation, tree.Names);
            if (TriggeredBlock(node, triggerCall, tree.Names) is { } block)
            {
                Analyze(context, block, null, tree, fairness, visited);
                if (block == statement.Parent)
                {
                    return;
                }
            }
        }
    }

    /// <summary>The block a node makes a model block: a trigger call's enclosing block, or a trigger method itself.</summary>
    private static SyntaxNode? TriggeredBlock(SyntaxNode node, bool triggerCall, Naming.NameMatchers names) => node switch
    {
        InvocationExpressionSyntax invocation when triggerCall => ModelCodeBlocks.EnclosingBlock(invocation),
        MethodDeclarationSyntax nested when ModelCodeBlocks.IsTriggerMethod(nested, names) => nested,
        _ => null,
    };

    private static void Analyze(SemanticModelAnalysisContext context, SyntaxNode block, BlockScan? scan, TreeContext tree, FairnessCompilationContext fairness, HashSet<SyntaxNode> visited)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        if (visited.Add(block))
        {
            AnalyzeBlock(context, block, scan, tree, fairness);
        }
    }

    private static void AnalyzeBlock(SemanticModelAnalysisContext context, SyntaxNode block, BlockScan? scanned, TreeContext tree, FairnessCompilationContext fairness)
    {
        // Cheapest first: a policy on the method, its types or the assembly covers every finding in the
        // block, so the block is not read at all (no binding).
        var token = context.CancellationToken;
        var model = context.SemanticModel;
        var owner = ModelCodeBlocks.OwnerOf(block, model, token);
        if (fairness.HasPolicyInScope(owner))
        {
            return;
        }

        var names = tree.Names;
        var scan = scanned ?? BlockScan.Run(block, names);
        var findings = new List<FeatureFinding>();
        if (scan.HasPipelineCall)
        {
            MlNetPipelineReader.Read(scan, model, fairness, names, findings, token);
            StaticPipelineReader.Read(scan, model, names, findings, token);
        }

        var scoring = HandWrittenFeatureReader.IsScoring(owner, names);
        var score = scoring ? ReturnedScore.Find(block) : null;
        if (scan.FeatureCandidates.Count > 0 || scan.SizedArrays.Count > 0 || score is not null)
        {
            HandWrittenFeatureReader.Read(scan, model, owner, scoring, score, fairness, names, findings, token);
        }

        if (scan.Removals.Count > 0)
        {
            FeatureRemovalReader.Read(scan, model, fairness, names, findings, token);
        }

        if (findings.Count == 0 || fairness.GuardedAtRunTime(block) || GeneratedCode.IsGeneratedSymbol(owner))
        {
            return;
        }

        var target = PolicyTarget(block, owner);
        foreach (var finding in findings)
        {
            // FG0004 is off unless configured: its diagnostics would only be dropped by the driver.
            if ((finding.Kind == FindingKind.UsedDirectly && !tree.ReportsUsedDirectly)
                || fairness.PolicyNamesMember(finding.DroppedFinding?.MemberName ?? finding.MemberName)
                || (finding.Kind != FindingKind.UsedDirectly && fairness.AuditsMember(finding.DroppedFinding?.MemberName ?? finding.MemberName))
                || IsHidden(finding.Location, token))
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

    // `#line hidden` needs a directive: a file with none (most) skips building the tree's line-directive map.
    private static bool IsHidden(Location location, System.Threading.CancellationToken token) =>
        location.SourceTree is { } tree
        && tree.GetRoot(token).ContainsDirectives
        && tree.GetLineVisibility(location.SourceSpan.Start, token) == LineVisibility.Hidden;

    /// <summary>The method a policy attribute would go on: the ordinary method that owns the block.</summary>
    private static Location? PolicyTarget(SyntaxNode block, ISymbol? owner) =>
        owner is IMethodSymbol { MethodKind: MethodKind.Ordinary } && block is MethodDeclarationSyntax method
            ? method.Identifier.GetLocation()
            : null;
}
