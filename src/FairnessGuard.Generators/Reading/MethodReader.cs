using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FairnessGuard.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Generators.Reading;

/// <summary>Reads one decorated method into a <see cref="MethodModel"/>, or into the diagnostics that explain why not.</summary>
internal static class MethodReader
{
    public static EquatableArray<MethodResult> Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        context.TargetSymbol is INamedTypeSymbol type
            ? TypeReader.Read(type, context, cancellationToken)
            : EquatableArray.From(new[] { Read((IMethodSymbol)context.TargetSymbol, (MethodDeclarationSyntax)context.TargetNode, context.SemanticModel.Compilation, cancellationToken) });

    /// <summary>Reads one method: its own policies follow those of its type.</summary>
    public static MethodResult Read(IMethodSymbol method, MethodDeclarationSyntax syntax, Compilation compilation, CancellationToken cancellationToken)
    {
        var location = syntax.Identifier.GetLocation();
        var diagnostics = new List<DiagnosticInfo>();
        var model = ReadModel(method, syntax, compilation, location, diagnostics, cancellationToken);
        return new MethodResult(model, EquatableArray.From(diagnostics));
    }

    private static MethodModel? ReadModel(IMethodSymbol method, MethodDeclarationSyntax syntax, Compilation compilation, Location location, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var name = method.Name;
        if (!method.IsPartialDefinition)
        {
            diagnostics.Add(method.PartialDefinitionPart is null
                ? GeneratorDiagnostics.Info(GeneratorDiagnostics.NotPartial, location, name)
                : Unsupported(location, name, $"its partial implementation is written by hand; delete it and put the body in '{name}Core'"));
            return null;
        }

        if (method.PartialImplementationPart is not null)
        {
            diagnostics.Add(Unsupported(location, name, $"its partial implementation is written by hand; delete it and put the body in '{name}Core'"));
            return null;
        }

        if (method.IsGenericMethod || method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            diagnostics.Add(Unsupported(location, name, "generic and ref-returning methods are not supported"));
            return null;
        }

        if (ReturnShapes.Of(method.ReturnType) is not { } shape)
        {
            diagnostics.Add(Unsupported(location, name, $"it returns '{method.ReturnType.ToDisplayString()}'; supported are double, float, decimal, and Task<> or ValueTask<> of them"));
            return null;
        }

        if (!HasCore(method))
        {
            diagnostics.Add(Unsupported(location, name, $"there is no method '{name}Core' with the same parameters and return type to hold the model's body"));
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var policies = PolicyReader.Read(method, compilation, location, diagnostics);
        if (policies.Count == 0 || diagnostics.Count > 0)
        {
            return null;
        }

        var overloaded = method.ContainingType.GetMembers(name).OfType<IMethodSymbol>().Count(m => m.PartialDefinitionPart is null) > 1;
        var signature = string.Join(",", method.Parameters.Select(p => SymbolText.Type(p.Type)));
        var suffix = overloaded ? "_" + SymbolText.StableHash(signature) : string.Empty;
        var typeKey = method.ContainingType.ToDisplayString(SymbolText.KeyFormat);
        return new MethodModel(
            HintName: SymbolText.Safe($"{typeKey}.{name}{suffix}") + ".g.cs",
            Namespace: method.ContainingNamespace.IsGlobalNamespace ? string.Empty : method.ContainingNamespace.ToDisplayString(),
            ContainingTypes: ContainingTypes(method.ContainingType),
            Modifiers: string.Join(" ", syntax.Modifiers.Where(m => !m.IsKind(SyntaxKind.PartialKeyword)).Select(m => m.Text)),
            ReturnType: SymbolText.Type(method.ReturnType),
            Shape: shape,
            Name: SymbolText.Identifier(name),
            CoreName: SymbolText.Identifier(name + "Core"),
            FieldPrefix: $"__fairnessGuard_{name}{suffix}",
            MethodKey: $"{typeKey}.{name}",
            Parameters: EquatableArray.From(method.Parameters.Select(Parameter)),
            Policies: EquatableArray.From(policies));
    }

    private static DiagnosticInfo Unsupported(Location location, string name, string reason) =>
        GeneratorDiagnostics.Info(GeneratorDiagnostics.UnsupportedMethod, location, name, reason);

    private static bool HasCore(IMethodSymbol method)
    {
        foreach (var candidate in method.ContainingType.GetMembers(method.Name + "Core").OfType<IMethodSymbol>())
        {
            if (candidate.IsStatic == method.IsStatic
                && candidate.Arity == 0
                && candidate.Parameters.Length == method.Parameters.Length
                && SymbolEqualityComparer.Default.Equals(candidate.ReturnType, method.ReturnType)
                && candidate.Parameters.Zip(method.Parameters, (a, b) => a.RefKind == b.RefKind && SymbolEqualityComparer.Default.Equals(a.Type, b.Type)).All(same => same))
            {
                return true;
            }
        }

        return false;
    }

    private static EquatableArray<ContainingTypeModel> ContainingTypes(INamedTypeSymbol innermost)
    {
        var chain = new List<ContainingTypeModel>();
        for (var type = innermost; type is not null; type = type.ContainingType)
        {
            var keyword = type.IsRecord
                ? (type.TypeKind == TypeKind.Struct ? "record struct" : "record")
                : type.TypeKind switch { TypeKind.Struct => "struct", TypeKind.Interface => "interface", _ => "class" };
            var typeParameters = type.TypeParameters.Length == 0
                ? string.Empty
                : "<" + string.Join(", ", type.TypeParameters.Select(t => SymbolText.Identifier(t.Name))) + ">";
            chain.Add(new ContainingTypeModel(keyword, SymbolText.Identifier(type.Name), typeParameters));
        }

        chain.Reverse();
        return new EquatableArray<ContainingTypeModel>(chain.ToImmutableArray());
    }

    private static ParameterModel Parameter(IParameterSymbol parameter, int index)
    {
        var (declared, passed) = parameter.RefKind switch
        {
            RefKind.Ref => ("ref ", "ref "),
            RefKind.Out => ("out ", "out "),
            RefKind.In => ("in ", "in "),
            RefKind.RefReadOnlyParameter => ("ref readonly ", "in "),
            _ => (string.Empty, string.Empty),
        };
        var prefix = (index == 0 && ((IMethodSymbol)parameter.ContainingSymbol).IsExtensionMethod ? "this " : string.Empty)
            + (parameter.IsParams ? "params " : string.Empty);
        var name = SymbolText.Identifier(parameter.Name);
        return new ParameterModel($"{prefix}{declared}{SymbolText.Type(parameter.Type)} {name}", passed + name);
    }
}
