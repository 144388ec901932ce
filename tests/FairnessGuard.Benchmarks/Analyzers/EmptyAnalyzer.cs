using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Benchmarks.Analyzers;

/// <summary>The baseline: an analyzer that registers nothing, so the driver's fixed cost is all that is measured.</summary>
#pragma warning disable RS1038, RS1041, RS1036, RS2008 // A benchmark analyzer, never loaded by a compiler.
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1038, RS1041, RS1036, RS2008
{
#pragma warning disable RS2008
    private static readonly DiagnosticDescriptor Rule = new("EMPTY0001", "Empty", "Empty", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
    }
}
