using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>A bound call into ML.NET, with its arguments looked up by parameter name.</summary>
internal sealed class MlNetCall
{
    private System.Collections.Immutable.ImmutableArray<IParameterSymbol> _parameters;

    private MlNetCall(InvocationExpressionSyntax syntax, IMethodSymbol method)
    {
        Syntax = syntax;
        Method = method;
    }

    public InvocationExpressionSyntax Syntax { get; }

    public IMethodSymbol Method { get; }

    /// <summary>
    /// The method's parameters (the reduced form's, for an extension method called as one), read once per call
    /// site and only when asked: <c>IMethodSymbol.Parameters</c> wraps the compiler's parameters anew on every
    /// read, and a reduced extension method builds them on first read.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<IParameterSymbol> Parameters => _parameters.IsDefault ? (_parameters = Method.Parameters) : _parameters;

    public string Name => Method.Name;

    public static MlNetCall? Bind(InvocationExpressionSyntax syntax, SemanticModel model, System.Threading.CancellationToken token) =>
        Of(syntax, model.GetSymbolInfo(syntax, token).Symbol as IMethodSymbol);

    /// <summary>The call as an ML.NET call, given the method it binds to; null when it binds to none or to another library's.</summary>
    public static MlNetCall? Of(InvocationExpressionSyntax syntax, IMethodSymbol? method) =>
        method is not null && IsMlNet(method.ContainingType) ? new MlNetCall(syntax, method) : null;

    public static bool IsMlNet(ITypeSymbol? type)
    {
        for (var ns = type?.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (ns.Name == "ML" && ns.ContainingNamespace is { Name: "Microsoft" } parent && parent.ContainingNamespace.IsGlobalNamespace)
            {
                return true;
            }
        }

        return false;
    }

    public bool HasParameter(string name)
    {
        foreach (var parameter in Parameters)
        {
            if (parameter.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The argument expressions bound to a parameter (several for a <c>params</c> array given inline), an
    /// empty list when the argument is omitted, or null when the parameter does not exist.
    /// </summary>
    public List<ExpressionSyntax>? ArgumentsOf(string parameterName)
    {
        var parameters = Parameters;
        var index = -1;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Name == parameterName)
            {
                index = i;
            }
        }

        if (index < 0)
        {
            return null;
        }

        var result = new List<ExpressionSyntax>();
        var arguments = Syntax.ArgumentList.Arguments;
        for (var position = 0; position < arguments.Count; position++)
        {
            var argument = arguments[position];
            if (argument.NameColon is { } nameColon)
            {
                if (string.Equals(nameColon.Name.Identifier.ValueText, parameterName, StringComparison.Ordinal))
                {
                    result.Add(argument.Expression);
                }

                continue;
            }

            var isParamsTail = parameters[index].IsParams && index == parameters.Length - 1 && position >= index;
            if (position == index || isParamsTail)
            {
                result.Add(argument.Expression);
            }
        }

        return result;
    }

    /// <summary>A single string argument, or the parameter's default when omitted; null when unknown.</summary>
    public string? StringArgument(string parameterName, SemanticModel model, System.Threading.CancellationToken token)
    {
        var arguments = ArgumentsOf(parameterName);
        if (arguments is null)
        {
            return null;
        }

        if (arguments.Count == 0)
        {
            var parameter = Parameters.First(p => p.Name == parameterName);
            return parameter.HasExplicitDefaultValue ? parameter.ExplicitDefaultValue as string : null;
        }

        return arguments.Count == 1 && model.GetConstantValue(arguments[0], token) is { HasValue: true, Value: string value } ? value : null;
    }
}
