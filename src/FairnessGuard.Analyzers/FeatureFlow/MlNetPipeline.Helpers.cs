using System;
using System.Threading;
using FairnessGuard.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>Following a block's data to the loader helper that loads it, in another class.</summary>
internal sealed partial class MlNetPipeline
{
    /// <summary>
    /// The data a block loads through a helper of its own project (<c>var data = DataLoading.Load(ml, path)</c>,
    /// a method returning <c>IDataView</c> declared in source, maybe in another class): the type its generic
    /// loader names (<c>LoadFromTextFile&lt;T&gt;</c>, …). Read from the helper's syntax, the type resolved by name
    /// among the compilation's model-input candidates (no other tree is bound). Every helper the block calls
    /// must name the same one type with a plain loader; a helper loading untyped data, calling another helper,
    /// or two types between them leave the input unknown.
    /// </summary>
    private void ReadInputFromHelpers(FairnessCompilationContext context, CancellationToken token)
    {
        string? loaded = null;
        foreach (var (_, bound) in _otherCalls)
        {
            if (bound is not { IsGenericMethod: false } method
                || method.ReturnType is not { Name: "IDataView" } returned
                || !MlNetCall.IsMlNet(returned)
                || MlNetCall.IsMlNet(method.ContainingType))
            {
                continue;
            }

            if (method.DeclaringSyntaxReferences.Length != 1 || LoadedTypeName(method.DeclaringSyntaxReferences[0].GetSyntax(token)) is not { } name
                || (loaded is not null && !string.Equals(loaded, name, StringComparison.Ordinal)))
            {
                return;
            }

            loaded = name;
        }

        if (loaded is not null && context.ModelInputCandidates.Named(loaded) is { } type)
        {
            InputType = type;
        }
    }

    /// <summary>The one type the helper's loader calls name; null when a call names none or another one.</summary>
    private static string? LoadedTypeName(SyntaxNode helper)
    {
        string? loaded = null;
        foreach (var node in helper.DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax invocation || BlockScan.NameOf(invocation) is not { } name)
            {
                continue;
            }

            var isLoader = name != EngineName && (LoaderNames.Contains(name) || name == "CreateDatabaseLoader");
            if (!isLoader && !name.StartsWith("Load", StringComparison.Ordinal))
            {
                continue;
            }

            var callee = invocation.Expression is MemberAccessExpressionSyntax access ? access.Name : invocation.Expression as SimpleNameSyntax;
            if (!isLoader || callee is not GenericNameSyntax { TypeArgumentList.Arguments: { Count: > 0 } arguments }
                || arguments[0] is not (IdentifierNameSyntax or QualifiedNameSyntax) || Rightmost(arguments[0]) is not { } typeName
                || (loaded is not null && !string.Equals(loaded, typeName, StringComparison.Ordinal)))
            {
                // An untyped or inferred load, another loading helper, or a second type: not one known type.
                return null;
            }

            loaded = typeName;
        }

        return loaded;
    }

    private static string? Rightmost(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        _ => null,
    };
}
