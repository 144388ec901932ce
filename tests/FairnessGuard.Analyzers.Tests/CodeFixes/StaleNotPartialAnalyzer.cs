using System.Collections.Immutable;
using FairnessGuard.Analyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// Test-only: reports FG1001 on every partial method declaration that carries an attribute, as the IDE's list
/// still does for a method made partial by hand since the last build.
/// </summary>
#pragma warning disable RS1001 // Instantiated by one test, never loaded by a compiler: it needs no [DiagnosticAnalyzer] export.
internal sealed class StaleNotPartialAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DiagnosticCatalog.NotPartial];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(
            c =>
            {
                if (c.Symbol is IMethodSymbol { IsPartialDefinition: true } method && method.GetAttributes().Length > 0)
                {
                    c.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.NotPartial, method.Locations[0], method.Name));
                }
            },
            SymbolKind.Method);
    }
}
#pragma warning restore RS1001
