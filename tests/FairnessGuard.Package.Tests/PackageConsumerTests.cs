using System.Diagnostics;
using System.Globalization;

namespace FairnessGuard.Package.Tests;

/// <summary>
/// Packs FairnessGuard into a local folder feed and proves it from a fresh consumer project: the analyzer
/// warns at build time (console and SARIF) and the generator's guard corrects at run time.
/// </summary>
public sealed partial class PackageConsumerTests : IClassFixture<PackageConsumerTests.ConsumerBuild>
{
    private readonly ConsumerBuild _build;

    public PackageConsumerTests(ConsumerBuild build) => _build = build;

    [Fact]
    public void PackageHoldsRuntimeAnalyzersGeneratorAndBuildFiles()
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(_build.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var expected in new[]
        {
            "lib/net8.0/FairnessGuard.dll", "lib/net10.0/FairnessGuard.dll",
            "analyzers/dotnet/cs/FairnessGuard.Analyzers.dll", "analyzers/dotnet/cs/FairnessGuard.CodeFixes.dll",
            "analyzers/dotnet/cs/FairnessGuard.Generators.dll", "build/FairnessGuard.props", "build/FairnessGuard.targets",
        })
        {
            Assert.Contains(expected, entries);
        }
    }

    [Fact]
    public void BuildShowsFG0001AndWritesItToSarif()
    {
        Assert.True(_build.BuildExitCode == 0, _build.BuildOutput);
        Assert.Contains("warning FG0001", _build.BuildOutput, StringComparison.Ordinal);
        Assert.Contains("Applicant.Gender", _build.BuildOutput, StringComparison.Ordinal);
        var sarif = File.ReadAllText(_build.SarifPath);
        Assert.Contains("\"FG0001\"", sarif, StringComparison.Ordinal);
    }

    [Fact]
    public void DecoratedMethodIsGuardedAtRunTime()
    {
        var (exit, output) = ConsumerBuild.Run("dotnet", $"run --no-build -c Release --project \"{_build.ProjectDirectory}\"", _build.ProjectDirectory);
        Assert.True(exit == 0, output);
        double Read(string label) => double.Parse(output.Split('\n').Single(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Trim(), CultureInfo.InvariantCulture);
        var raw = Read("RAW-KS");
        var fair = Read("FAIR-KS");

        // 10,000 evaluated rows, about 3,000 and 7,000 per group: DKW bands at δ = 10⁻³ over 4 bands, the sketch
        // rank error (k = 1,000) and knot resolution (K = 512) of both groups bound the corrected gap.
        double Eps(double n) => Math.Sqrt(Math.Log(2 / 2.5e-4) / (2 * n));
        var bound = (2 * Eps(2800)) + (2 * Eps(6800)) + (2 * 3.26 / 1000) + (2.0 / 511);
        Assert.True(raw > bound, $"the unaware scores must differ by race (KS {raw})");
        Assert.True(fair <= bound, $"guarded KS {fair} > {bound}\n{output}");
    }

    /// <summary>Packs once and builds the consumer once for all tests of the class.</summary>
    public sealed class ConsumerBuild : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("fg-package-").FullName;

        public ConsumerBuild()
        {
            var repo = FindRepositoryRoot();
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            var feed = Path.Combine(_root, "feed");
            var (packExit, packOutput) = Run("dotnet", $"pack \"{Path.Combine(repo, "src", "FairnessGuard", "FairnessGuard.csproj")}\" -c {configuration} --no-build -o \"{feed}\" -p:Version={version}", repo);
            if (packExit != 0)
            {
                throw new InvalidOperationException("dotnet pack failed:\n" + packOutput);
            }

            // FairnessGuard.ML too (its package depends on FairnessGuard at the same version): the ML.NET consumer test.
            (packExit, packOutput) = Run("dotnet", $"pack \"{Path.Combine(repo, "src", "FairnessGuard.ML", "FairnessGuard.ML.csproj")}\" -c {configuration} --no-build -o \"{feed}\" -p:Version={version}", repo);
            if (packExit != 0)
            {
                throw new InvalidOperationException("dotnet pack FairnessGuard.ML failed:\n" + packOutput);
            }

            Feed = feed;
            Version = version;
            PackagePath = Path.Combine(feed, $"FairnessGuard.{version}.nupkg");
            ProjectDirectory = Path.Combine(_root, "consumer");
            Directory.CreateDirectory(ProjectDirectory);
            var templates = Path.Combine(AppContext.BaseDirectory, "Consumer");
            File.WriteAllText(Path.Combine(ProjectDirectory, "Consumer.csproj"), File.ReadAllText(Path.Combine(templates, "Consumer.csproj.template")).Replace("@FEED@", feed, StringComparison.Ordinal).Replace("@VERSION@", version, StringComparison.Ordinal));
            File.Copy(Path.Combine(templates, "Program.cs.template"), Path.Combine(ProjectDirectory, "Program.cs"));
            SarifPath = Path.Combine(_root, "build.sarif");
            (BuildExitCode, BuildOutput) = Run("dotnet", $"build \"{ProjectDirectory}\" -c Release -p:ErrorLog=\"{SarifPath}\"", ProjectDirectory);
        }

        public string PackagePath { get; }

        /// <summary>The local folder feed holding the packed package.</summary>
        public string Feed { get; }

        /// <summary>The version the package was packed with.</summary>
        public string Version { get; }

        /// <summary>A scratch directory under the fixture's root, deleted with it.</summary>
        public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

        public string ProjectDirectory { get; }

        public string SarifPath { get; }

        public int BuildExitCode { get; }

        public string BuildOutput { get; }

        public static (int ExitCode, string Output) Run(string file, string arguments, string workingDirectory)
        {
            var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {arguments} did not finish in 8 minutes");
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);

        private static string FindRepositoryRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FairnessGuard.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("FairnessGuard.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
