using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Benchmarks.Analyzers;

/// <summary>
/// Wraps an analyzer so that the CPU time of the thread running each of its callbacks is summed: the analyzer's own
/// cost (binding it asks for and garbage collections its allocations trigger on that thread included), unlike the
/// driver's execution time (a wall time, which grows with the machine's load). Only the registrations the
/// FairnessGuard analyzers use (actions registered at compilation start) are timed; code-block-start actions pass through untimed.
/// </summary>
#pragma warning disable RS1038, RS1041, RS1036, RS1001, RS1025, RS1026, RS1012 // A benchmark wrapper: the wrapped analyzer configures itself, never loaded by a compiler.
public sealed class CpuTimedAnalyzer(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
#pragma warning restore RS1038, RS1041, RS1036, RS1001
{
    // What one reading of the thread clock adds to a timed callback (a system call), measured once.
    private static readonly double ClockCostNs = MeasureClockCost();

    private long _ticks;
    private long _callbacks;

    /// <summary>
    /// CPU milliseconds spent in the wrapped analyzer's callbacks since the last <see cref="Reset"/>, less the
    /// clock readings' own cost per callback.
    /// </summary>
    public double CpuMs => Math.Max(0, Interlocked.Read(ref _ticks) - (Interlocked.Read(ref _callbacks) * ClockCostNs)) / 1e6;

    /// <summary>Sets <see cref="CpuMs"/> back to zero.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _ticks, 0);
        Interlocked.Exchange(ref _callbacks, 0);
    }

    private static double MeasureClockCost()
    {
        const int Readings = 20_000;
        var start = AnalyzerTelemetryProbe.ThreadCpuNs();
        for (var i = 0; i < Readings; i++)
        {
            _ = AnalyzerTelemetryProbe.ThreadCpuNs();
        }

        return (double)(AnalyzerTelemetryProbe.ThreadCpuNs() - start) / Readings;
    }

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context) => inner.Initialize(new Context(context, this));

    private int _active;

    /// <summary>The most callbacks of the wrapped analyzer seen running at the same time (on different threads).</summary>
    public int MostConcurrent { get; private set; }

    private void Timed<T>(Action<T> action, T argument)
    {
        var active = Interlocked.Increment(ref _active);
        if (active > MostConcurrent)
        {
            MostConcurrent = active;
        }

        var start = AnalyzerTelemetryProbe.ThreadCpuNs();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref _ticks, AnalyzerTelemetryProbe.ThreadCpuNs() - start);
            Interlocked.Increment(ref _callbacks);
            Interlocked.Decrement(ref _active);
        }
    }

    private sealed class Context(AnalysisContext context, CpuTimedAnalyzer timer) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => context.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => context.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            context.RegisterCompilationStartAction(start => timer.Timed(action, new StartContext(start, timer)));

        // The FairnessGuard analyzers register everything at compilation start; anything else is not timed.
        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Untimed();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Untimed();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Untimed();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Untimed();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Untimed();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Untimed();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Untimed();

        private static NotSupportedException Untimed() => new("Register at compilation start: only those actions are timed.");
    }

    private sealed class StartContext(CompilationStartAnalysisContext start, CpuTimedAnalyzer timer)
        : CompilationStartAnalysisContext(start.Compilation, start.Options, start.CancellationToken)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => start.RegisterCompilationEndAction(c => timer.Timed(action, c));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => start.RegisterSemanticModelAction(c => timer.Timed(action, c));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => start.RegisterSymbolAction(c => timer.Timed(action, c), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => start.RegisterCodeBlockStartAction(action);

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => start.RegisterCodeBlockAction(c => timer.Timed(action, c));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => start.RegisterSyntaxTreeAction(c => timer.Timed(action, c));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            start.RegisterSyntaxNodeAction(c => timer.Timed(action, c), syntaxKinds);
    }
}
#pragma warning restore RS1025, RS1026, RS1012
