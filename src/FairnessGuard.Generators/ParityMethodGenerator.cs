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

        var diagnostics = results
            .Where(static r => r.Diagnostics.Count > 0)
            .Select(static (r, _) => r.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (var info in list)
            {
                spc.ReportDiagnostic(GeneratorDiagnostics.ToDiagnostic(info));
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
