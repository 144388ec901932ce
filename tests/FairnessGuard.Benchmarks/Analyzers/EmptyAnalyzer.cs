using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Benchmarks.Analyzers;

/// <summary>
/// The baseline: an analyzer that registers nothing, so the driver's fixed cost is all that is measured; or, with
/// <c>dispatchNodes</c>, the syntax-node registrations FeatureSelectionAnalyzer had up to main 5c24963 (every
/// invocation and method declaration) with empty bodies, so the driver walks and dispatches as it did for that
/// analyzer and nothing else is done (it now registers one semantic-model action per file instead).
/// </summary>
#pragma warning disable RS1038, RS1041, RS1036, RS2008 // A benchmark analyzer, never loaded by a compiler.
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1038, RS1041, RS1036, RS2008
{
#pragma warning disable RS2008
    private static readonly DiagnosticDescriptor Rule = new("EMPTY0001", "Empty", "Empty", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

    private readonly bool _dispatchNodes;

    /// <summary>Creates the baseline analyzer.</summary>
    /// <param name="dispatchNodes">Whether to register FeatureSelectionAnalyzer's syntax-node actions, with empty bodies.</param>
    public EmptyAnalyzer(bool dispatchNodes = false) => _dispatchNodes = dispatchNodes;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        if (!_dispatchNodes)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            return;
        }

        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
            start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.InvocationExpression, SyntaxKind.MethodDeclaration));
    }
}
