using FairnessGuard.Generators.Emit;
using FairnessGuard.Generators.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Generators;

/// <summary>
/// Implements every <c>partial</c> prediction method that carries <c>[DemographicParity]</c>, itself or on its
/// type (then covering the type's public prediction methods): the generated
/// body calls the user's <c>&lt;Name&gt;Core</c>, reads the group key, passes the score through the
/// method's guards in declaration order and returns the corrected value.
/// </summary>
/// <remarks>
/// <c>ForAttributeWithMetadataName</c> keeps the IDE fast: only methods carrying the attribute reach the
/// semantic transform, and its output is a value-equatable model, so an unrelated edit is served from cache.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class ParityMethodGenerator : IIncrementalGenerator
{
    /// <summary>The attribute whose methods are implemented.</summary>
    public const string DemographicParityMetadataName = "FairnessGuard.DemographicParityAttribute";

    /// <summary>
    /// The compiler-visible property the package's targets set to <c>true</c> while analyzers run during the build
    /// (then the analyzer reports FG1001 and the generator does not).
    /// </summary>
    public const string AnalyzerReportsNotPartialProperty = "build_property.FairnessGuardAnalyzersReportNotPartial";

    /// <summary>The tracking name of the step that reads a decorated method into its model.</summary>
    public const string ReadStep = "FairnessGuard.ReadDecoratedMethod";

    /// <summary>The tracking name of the step that keeps the models worth emitting.</summary>
    public const string ModelStep = "FairnessGuard.MethodModel";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DemographicParityMetadataName,
                static (node, _) => node is MethodDeclarationSyntax or ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, ct) => MethodReader.Read(ctx, ct))
            .WithTrackingName(ReadStep)
            .SelectMany(static (results, _) => results);

        // FG1001 is also the analyzer's (dotnet format only fixes analyzer diagnostics): while the package's targets say
        // analyzers run in this build, the analyzer reports it and the generator does not, so it is reported once.
        var analyzerReportsNotPartial = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => provider.GlobalOptions.TryGetValue(AnalyzerReportsNotPartialProperty, out var value)
                && string.Equals(value, "true", System.StringComparison.OrdinalIgnoreCase));
        var diagnostics = results
            .Where(static r => r.Diagnostics.Count > 0)
            .Select(static (r, _) => r.Diagnostics)
            .Combine(analyzerReportsNotPartial);
        context.RegisterSourceOutput(diagnostics, static (spc, pair) =>
        {
            foreach (var info in pair.Left)
            {
                if (!(pair.Right && info.Id == GeneratorDiagnostics.NotPartial.Id))
                {
                    spc.ReportDiagnostic(GeneratorDiagnostics.ToDiagnostic(info));
                }
            }
        });

        var models = results
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(ModelStep);
        context.RegisterSourceOutput(models, static (spc, model) => spc.AddSource(model.HintName, SourceEmitter.Emit(model)));
        FailClosedCheck.Register(context);
    }
}
