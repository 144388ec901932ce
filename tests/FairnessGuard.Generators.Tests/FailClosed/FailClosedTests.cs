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
    private const string FailClosedCheckId = "0badc0de";

    // One MSBuild process for both tests: it runs the targets for a current compiler, then an old one.
    private static readonly Lazy<(int ExitCode, string Output, string CheckFile)> Targets = new(RunTargets);

    [Fact]
    public void CompilerOlderThanTheGeneratorsRoslynFailsTheBuild()
    {
        var (exitCode, output, _) = Targets.Value;

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error FG1000", output, StringComparison.Ordinal);
        Assert.Contains("Roslyn is 4.8, older than the 4.14", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Roslyn is 5.9", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckFileCompilesOnlyWhenTheGeneratorRuns()
    {
        var compilation = GeneratorHarness.Compile(Targets.Value.CheckFile);

        var without = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var driver = CSharpGeneratorDriver.Create(
            [new ParityMethodGenerator().AsSourceGenerator()],
            parseOptions: GeneratorHarness.ParseOptions,
            optionsProvider: new BuildProperties(FailClosedCheckId));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var with, out _);

        Assert.Equal("CS8795", Assert.Single(without).Id);
        Assert.Empty(with.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    private static (int ExitCode, string Output, string CheckFile) RunTargets()
    {
        var targets = Path.Combine(AppContext.BaseDirectory, "FailClosed", "FairnessGuard.Generators.targets");
        var directory = Directory.CreateTempSubdirectory("fg-failclosed-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "check.proj"), $"""
                <Project>
                  <PropertyGroup><Language>C#</Language></PropertyGroup>
                  <Import Project="{targets}" />
                  <Target Name="CoreCompile" />
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory, "both.proj"), $"""
                <Project>
                  <Target Name="Build">
                    <MSBuild Projects="check.proj" Targets="CoreCompile" Properties="CompilerApiVersion=roslyn5.9;FairnessGuardCheckId={FailClosedCheckId};IntermediateOutputPath=current/" />
                    <MSBuild Projects="check.proj" Targets="CoreCompile" Properties="CompilerApiVersion=roslyn4.8;FairnessGuardCheckId={FailClosedCheckId};IntermediateOutputPath=old/" />
                  </Target>
                </Project>
                """);
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "msbuild", "both.proj", "-nologo", "-nodeReuse:false", "-v:m" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var checkFile = File.ReadAllText(Path.Combine(directory, "current", "FairnessGuard.GeneratorCheck.cs"));
            return (process.ExitCode, stdout.Result + stderr, checkFile);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
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
