using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Benchmarks.Analyzers;

/// <summary>
/// The driver's cost of FeatureSelectionAnalyzer's registrations alone: the same syntax-node actions (every
/// invocation and method declaration) with empty bodies, so the driver walks and dispatches as it does for the
/// real analyzer and nothing else is done.
/// </summary>
#pragma warning disable RS1038, RS1041, RS1036, RS2008 // A benchmark analyzer, never loaded by a compiler.
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NodeDispatchAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1038, RS1041, RS1036, RS2008
{
#pragma warning disable RS2008
    private static readonly DiagnosticDescriptor Rule = new("NODES0001", "Nodes", "Nodes", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
            start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.InvocationExpression, SyntaxKind.MethodDeclaration));
    }
}
