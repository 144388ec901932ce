using FairnessGuard.Analyzers.Tests.Harness;
using FairnessGuard.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FairnessGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// FG0001's fix on an ML.NET pipeline compiled against the REAL Microsoft.ML 5.0.1 assemblies and the real
/// src/FairnessGuard.ML (both restored/built with this project, no stub): the fix appends FairnessGuard.ML's
/// DemographicParity after the trainer and the result compiles with no FG diagnostic left (issue 14.1, 14.4).
/// </summary>
public class RealMlNetFixTests
{
    private const string Input = """
        using Microsoft.ML.Data;

        namespace Loans;

        public sealed class LoanInput
        {
            [LoadColumn(0)] public float Income { get; set; }
            [LoadColumn(1)] public float Debt { get; set; }
            [LoadColumn(2)] public float Years { get; set; }
            [LoadColumn(3)] public string Gender { get; set; } = "";
            [LoadColumn(4)] public bool Label { get; set; }
        }
        """;

    private const string Trainer = """
        using Microsoft.ML;

        namespace Loans;

        public sealed class LoanTrainer
        {
            private readonly MLContext _ml = new MLContext(seed: 1);

            public ITransformer Train(string path)
            {
                var mlContext = new MLContext(seed: 1);
                IDataView data = mlContext.Data.LoadFromTextFile<LoanInput>(path, ',', hasHeader: true);
                var pipeline = mlContext.Transforms.Concatenate("Features", "Income", "Debt", "Years")
                    .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());
                return pipeline.Fit(data);
            }

            public ITransformer Retrain(IDataView data)
            {
                var _ = _ml.Data.LoadFromTextFile<LoanInput>("loans.csv", ',', hasHeader: true);
                var pipeline = _ml.Transforms.Concatenate("Features", "Income", "Debt")
                    .Append(_ml.Regression.Trainers.Sdca())
                    .AppendCacheCheckpoint(_ml);
                return pipeline.Fit(data);
            }
        }
        """;

    /// <summary>The ML.NET 5.0.1 assemblies and FairnessGuard.ML.dll copied next to this test assembly.</summary>
    private static readonly MetadataReference[] RealMlNet = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
        .Where(f => Path.GetFileName(f).StartsWith("Microsoft.ML", StringComparison.Ordinal) || Path.GetFileName(f) == "FairnessGuard.ML.dll")
        .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
        .ToArray();

    private static TestProject Project() =>
        new TestProject().WithoutMlNet().WithReferences(RealMlNet).WithSource(Input).WithSource(Trainer);

    [Fact]
    public async Task TheProjectBindsTheRealMlNetAndFairnessGuardMlAndWarns()
    {
        var (project, _) = Project().Build();
        var compilation = (await project.GetCompilationAsync())!;

        // The real MLContext lives in Microsoft.ML.Data 5.0.1 (the stub is one assembly named Microsoft.ML).
        var mlContext = compilation.GetTypeByMetadataName("Microsoft.ML.MLContext")!;
        Assert.Equal("Microsoft.ML.Data", mlContext.ContainingAssembly.Name);
        var data = project.MetadataReferences.OfType<PortableExecutableReference>().Single(r => Path.GetFileName(r.FilePath) == "Microsoft.ML.Data.dll");
        Assert.StartsWith("5.0.1", System.Diagnostics.FileVersionInfo.GetVersionInfo(data.FilePath!).ProductVersion, StringComparison.Ordinal);
        Assert.Equal("FairnessGuard.ML", compilation.GetTypeByMetadataName("FairnessGuard.ML.FairnessCatalogExtensions")!.ContainingAssembly.Name);

        var diagnostics = await AnalyzerRunner.RunAsync(project, withGenerator: true);
        Assert.Equal(2, diagnostics.Count(d => d.Id == RuleIdentifiers.SensitiveAttributeDropped && d.Severity == DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task TheFixAppendsTheRealDemographicParityAndTheResultCompilesSilently()
    {
        var (text, remaining) = await CodeFixRunner.FixAsync(Project(), new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.SensitiveAttributeDropped);
        var normalized = text.ReplaceLineEndings("\n");

        Assert.Contains("using FairnessGuard.ML;", normalized, StringComparison.Ordinal);
        Assert.Contains(".Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression()).Append(mlContext.Transforms.DemographicParity(groupColumnName: \"Gender\", scoreColumnName: \"Score\"));", normalized, StringComparison.Ordinal);
        Assert.DoesNotContain("[DemographicParity", normalized, StringComparison.Ordinal);

        // CodeFixRunner compiled the result (with the generator) against the real assemblies: no error. The other
        // pipeline keeps its own warning.
        var left = Assert.Single(remaining);
        Assert.Equal(RuleIdentifiers.SensitiveAttributeDropped, left.Id);
    }

    [Theory]
    [InlineData(FixAllScope.Document)]
    [InlineData(FixAllScope.Project)]
    [InlineData(FixAllScope.Solution)]
    public async Task FixAllGuardsEveryPipelineAndLeavesNoFgDiagnostic(FixAllScope scope)
    {
        var (text, remaining) = await CodeFixRunner.FixAsync(Project(), new AddOutputPolicyCodeFixProvider(), RuleIdentifiers.SensitiveAttributeDropped, fixAll: true, scope: scope);
        var normalized = text.ReplaceLineEndings("\n");

        Assert.Contains(".Append(mlContext.Transforms.DemographicParity(groupColumnName: \"Gender\", scoreColumnName: \"Score\"))", normalized, StringComparison.Ordinal);
        Assert.Contains(".Append(_ml.Regression.Trainers.Sdca()).Append(_ml.Transforms.DemographicParity(groupColumnName: \"Gender\", scoreColumnName: \"Score\"))\n", normalized, StringComparison.Ordinal);
        Assert.Equal(1, normalized.Split("using FairnessGuard.ML;").Length - 1);
        Assert.Empty(remaining);
    }
}
