using System.Diagnostics;
using FairnessGuard.Generators.Tests.Generation;
using Microsoft.CodeAnalysis.Testing;

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
    public async Task CheckFileCompilesOnlyWhenTheGeneratorRuns()
    {
        var checkFile = Targets.Value.CheckFile;

        // Without the generator, the check's partial method has no implementation (CS8795): the only error.
        await new GeneratorTest(checkFile) { WithoutGenerator = true }.ExpectingUnimplementedPartialMethods().RunAsync();

        // With it, given the check id the targets pass as a compiler-visible property (the global config MSBuild
        // writes), nothing is left: no error, no warning.
        var test = new GeneratorTest(checkFile) { CompilerDiagnostics = CompilerDiagnostics.Warnings, TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.FairnessGuardCheckId = {FailClosedCheckId}\n"));
        await test.RunAsync();
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
}
