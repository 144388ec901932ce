using System.Collections.Immutable;
using System.Diagnostics;
using FairnessGuard.Generators.Tests.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Generators.Tests.FailClosed;

/// <summary>
/// The build fails, rather than producing unguarded methods, when the generator cannot run: the targets
/// reject an old compiler up front, and the check file they add compiles only if the generator ran.
/// </summary>
public sealed class FailClosedTests
{
    private static readonly string Targets = Path.Combine(AppContext.BaseDirectory, "FailClosed", "FairnessGuard.Generators.targets");

    [Fact]
    public void CompilerOlderThanTheGeneratorsRoslynFailsTheBuild()
    {
        var (exitCode, output, directory) = RunTargets("roslyn4.8");
        Directory.Delete(directory, recursive: true);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("FG1000", output, StringComparison.Ordinal);
        Assert.Contains("Roslyn is 4.8, older than the 4.14", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckFileCompilesOnlyWhenTheGeneratorRuns()
    {
        var (exitCode, output, directory) = RunTargets("roslyn5.9");
        Assert.True(exitCode == 0, output);
        var checkFile = File.ReadAllText(Path.Combine(directory, "FairnessGuard.GeneratorCheck.cs"));
        Directory.Delete(directory, recursive: true);
        var compilation = GeneratorHarness.Compile(checkFile);

        var without = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var driver = CSharpGeneratorDriver.Create(
            [new ParityMethodGenerator().AsSourceGenerator()],
            parseOptions: GeneratorHarness.ParseOptions,
            optionsProvider: new BuildProperties(FailClosedCheckId));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output2, out _);

        Assert.Equal("CS8795", Assert.Single(without).Id);
        Assert.Empty(output2.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    private const string FailClosedCheckId = "0badc0de";

    private static (int ExitCode, string Output, string Directory) RunTargets(string compilerApiVersion)
    {
        var directory = Directory.CreateTempSubdirectory("fg-failclosed-").FullName;
        File.WriteAllText(Path.Combine(directory, "check.proj"), $"""
            <Project>
              <PropertyGroup><Language>C#</Language></PropertyGroup>
              <Import Project="{Targets}" />
              <Target Name="CoreCompile" />
            </Project>
            """);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "msbuild", "check.proj", "-t:CoreCompile", "-nologo", "-nodeReuse:false", $"-p:CompilerApiVersion={compilerApiVersion}", $"-p:FairnessGuardCheckId={FailClosedCheckId}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr, directory);
    }

    /// <summary>The compiler-visible MSBuild properties the targets pass to the generator.</summary>
    private sealed class BuildProperties(string checkId) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(ImmutableDictionary<string, string>.Empty.Add("build_property.FairnessGuardCheckId", checkId));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(ImmutableDictionary<string, string>.Empty);

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
