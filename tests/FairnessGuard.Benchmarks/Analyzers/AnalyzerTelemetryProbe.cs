using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using FairnessGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Benchmarks.Analyzers;

/// <summary>
/// A warm, in-process probe of the analyzers' cost against the compiler's on one project, every run single-threaded
/// (the compilation's <c>ConcurrentBuild</c> off and the driver's <c>concurrentAnalysis</c> off), so that the
/// compile baseline and the analyzer runs use the same one core. Each round runs, on fresh clones: the compiler's
/// diagnostics (<c>Compile</c>), the diagnostics of <c>EmptyAnalyzer(dispatchNodes: true)</c> (<c>Nodes</c>: the node
/// registrations FeatureSelectionAnalyzer had up to 5c24963, with empty bodies: the compile plus the driver's node dispatch), and the FairnessGuard
/// analyzers' diagnostics (<c>FG</c>); the analyzer runs use <c>GetAnalyzerDiagnosticsAsync</c> (the path that
/// records the driver's telemetry; the driver binds the whole compilation to produce its events); it records wall and process CPU time of each, and the
/// driver's per-analyzer execution time (<c>GetAnalyzerTelemetryInfoAsync</c>, what <c>-p:ReportAnalyzer=true</c>
/// prints; a wall time inside the callbacks, so its share is taken of the compile's wall time on the same
/// thread), and the bytes the FG run allocates beyond the <c>Nodes</c> run (deterministic, unlike the times on a
/// shared machine). A fourth run per round wraps both analyzers in <see cref="CpuTimedAnalyzer"/>: the CPU time of the
/// threads inside their callbacks, set against the compile's thread CPU (on Linux; a loaded machine stretches wall
/// times several-fold, CPU times much less). Round 0 (cold JIT) is printed but left out of the medians.
/// Run: <c>dotnet run -c Release --project tests/FairnessGuard.Benchmarks -- analyzer-telemetry [mlnet|pipelines|samples|generated] [--without-findings] [rounds]</c>.
/// </summary>
public static class AnalyzerTelemetryProbe
{
    public static void Run(string project, bool withFindings, int rounds)
    {
        var source = project switch
        {
            "mlnet" => MlNetProject.Compilation(),
            "pipelines" => ManyPipelinesBenchmarks.Compilation(),
            "samples" => SamplesProject.Compilation(),
            _ => GeneratedProject.Compilation(withFindings),
        };
        var compilation = source.WithOptions(source.Options.WithConcurrentBuild(false));
        var empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer(dispatchNodes: true));
        var fairness = ImmutableArray.Create<DiagnosticAnalyzer>(new FeatureSelectionAnalyzer(), new OutputPolicyAnalyzer());
        var timed = new[] { new CpuTimedAnalyzer(new FeatureSelectionAnalyzer()), new CpuTimedAnalyzer(new OutputPolicyAnalyzer()) };
        var rows = new List<double[]>();
        Console.WriteLine("round  compile wall/cpu ms  nodes wall/cpu ms  FG wall/cpu ms  FG exec ms (FeatureSelection, OutputPolicy)  (FG-compile)/compile cpu  (FG-nodes)/compile cpu  exec/compile wall  FG-nodes alloc MB  nodes exec ms  compile thread cpu ms  FG callbacks cpu ms  FG callbacks cpu/compile thread cpu  findings");
        for (var round = 0; round < rounds; round++)
        {
            var compile = Time(() => compilation.Clone().GetDiagnostics().Length);
            var (emptyRun, emptyExec, _) = Analyze(compilation, empty);
            var (fgRun, exec, reported) = Analyze(compilation, fairness);
            Array.ForEach(timed, t => t.Reset());
            _ = Analyze(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(timed));
            var callbackCpu = timed.Sum(t => t.CpuMs);
            var row = new[]
            {
                compile.Wall, compile.Cpu, emptyRun.Wall, emptyRun.Cpu, fgRun.Wall, fgRun.Cpu, exec[0], exec[1],
                (fgRun.Cpu - compile.Cpu) / compile.Cpu, (fgRun.Cpu - emptyRun.Cpu) / compile.Cpu, (exec[0] + exec[1]) / compile.Wall,
                fgRun.AllocatedMb - emptyRun.AllocatedMb, emptyExec[0],
                compile.ThreadCpu, callbackCpu, callbackCpu / compile.ThreadCpu,
            };
            if (round > 0)
            {
                rows.Add(row);
            }

            Console.WriteLine(Format(round.ToString(CultureInfo.InvariantCulture), row) + $"  {reported}  (callbacks at once: {timed.Max(t => t.MostConcurrent)})");
        }

        if (rows.Count > 0)
        {
            var medians = Enumerable.Range(0, rows[0].Length).Select(i => Median(rows.Select(r => r[i]))).ToArray();
            Console.WriteLine(Format("median", medians) + string.Create(CultureInfo.InvariantCulture, $"  (rounds 1-{rounds - 1}, load {LoadAverage()})"));
        }
    }

    private static string Format(string label, double[] r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{label,-6} {r[0],7:F0}/{r[1],-7:F0}      {r[2],7:F0}/{r[3],-7:F0}    {r[4],7:F0}/{r[5],-7:F0} {r[6],7:F1}, {r[7],5:F1}                              {r[8],7:P1}                 {r[9],7:P1}          {r[10],6:P1}  {r[11],8:F2}  {r[12],7:F1}  {r[13],7:F0}                {r[14],7:F1}               {r[15],7:P1}");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static (double Wall, double Cpu, double AllocatedMb, double ThreadCpu) Time(Func<int> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var threadCpu = ThreadCpuMs();
        var watch = Stopwatch.StartNew();
        _ = run();
        watch.Stop();
        var threadCpuAfter = ThreadCpuMs();
        process.Refresh();
        return (watch.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6, threadCpuAfter - threadCpu);
    }

    /// <summary>
    /// The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>; NaN elsewhere). Every run is single-threaded
    /// on this thread, so unlike wall time it does not grow while other processes hold the cores.
    /// </summary>
    private static double ThreadCpuMs() => ThreadCpuNs() / 1e6;

    /// <summary>The calling thread's CPU time in nanoseconds (0 where the clock is not available).</summary>
    internal static long ThreadCpuNs() =>
        OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuClock, out var time) == 0 ? (time.Seconds * 1_000_000_000) + time.Nanoseconds : 0;

    private const int ThreadCpuClock = 3;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static ((double Wall, double Cpu, double AllocatedMb, double ThreadCpu) Run, double[] Exec, int Reported) Analyze(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        CompilationWithAnalyzers? run = null;
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        var time = Time(() =>
        {
            run = compilation.Clone().WithAnalyzers(analyzers, options);
            diagnostics = run.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            return diagnostics.Length;
        });
        if (diagnostics.FirstOrDefault(d => d.Id == "AD0001") is { } crash)
        {
            throw new InvalidOperationException(crash.ToString());
        }

        var exec = analyzers.Select(a => run!.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds).ToArray();
        return (time, exec.Length == 1 ? new[] { exec[0], 0.0 } : exec, diagnostics.Count(d => d.Id.StartsWith("FG", StringComparison.Ordinal)));
    }
}
