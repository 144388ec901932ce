using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// Helper methods a hand-written score is computed through (<c>score += IncomePoints(a.Income)</c>,
/// <c>0.5 * IncomePart(a)</c>). Only what can be known for sure is followed, one level deep: a method of the same
/// type declaration, called by its simple name (or through <c>this.</c>), whose body is a plain computation (arithmetic, conditionals,
/// switches, <c>Math</c> calls) with no other call, no object creation and no assignment but to its own locals.
/// Such a helper cannot hide a model or pass the entity on, so its reads of an entity parameter are the caller's
/// reads of the argument. A helper anywhere else (another type, an interface, a library) stays opaque.
/// </summary>
internal static class ScoreHelpers
{
    /// <summary>Whether the call is to a plain-computation helper of the same type (see the type's summary).</summary>
    public static bool IsPlainHelperCall(InvocationExpressionSyntax call) => HelperOf(call) is not null;

    /// <summary>
    /// Adds to <paramref name="readsByReceiver"/> the member reads a followed helper makes on the entities it is handed: for
    /// each argument of <paramref name="calls"/> that is a bare parameter of the calling method (<paramref name="isParameter"/>),
    /// the member names read through the helper's parameter, under the argument's name. The arguments followed are added
    /// to <paramref name="followed"/>. A helper named as a model block of its own (<paramref name="isModelBlock"/>:
    /// <c>ToFeatures</c>, <c>IncomeScore</c>) is not followed: it is read, and reported, where it is declared, not again at every caller.
    /// </summary>
    public static void ReadsThrough(List<InvocationExpressionSyntax> calls, HashSet<SyntaxNode> followed, System.Func<string, bool> isParameter, System.Func<string, bool> isModelBlock, Dictionary<string, List<SimpleNameSyntax>> readsByReceiver)
    {
        foreach (var call in calls)
        {
            // A helper named as a model block is followed only when this method returns its value as is
            // (return Fallback(b);): then it is one of this method's output paths, not a block reported on its own.
            if (HelperOf(call) is not { } helper || (isModelBlock(helper.Identifier.ValueText) && !IsReturnedAsIs(call)))
            {
                continue;
            }

            var arguments = call.ArgumentList.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                if (arguments[i] is not { NameColon: null, RefKindKeyword.RawKind: (int)SyntaxKind.None, Expression: IdentifierNameSyntax argument }
                    || !isParameter(argument.Identifier.ValueText)
                    || helper.ParameterList.Parameters[i].Identifier.ValueText is not { } parameter
                    || MemberReads(helper, parameter) is not { } reads)
                {
                    continue;
                }

                followed.Add(argument);
                foreach (var read in reads)
                {
                    EntityReads.Add(readsByReceiver, argument.Identifier.ValueText, read);
                }
            }
        }
    }

    /// <summary>The member names read through the parameter, or null when the helper uses it otherwise (passes, compares, returns it).</summary>
    private static List<SimpleNameSyntax>? MemberReads(MethodDeclarationSyntax helper, string parameter)
    {
        var reads = new List<SimpleNameSyntax>();
        foreach (var node in helper.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != parameter)
            {
                continue;
            }

            if (identifier.Parent is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } access || access.Expression != identifier)
            {
                return null;
            }

            reads.Add(member);
        }

        return reads;
    }

    private static bool IsReturnedAsIs(InvocationExpressionSyntax call)
    {
        SyntaxNode node = call;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent is ReturnStatementSyntax;
    }

    private static MethodDeclarationSyntax? HelperOf(InvocationExpressionSyntax call)
    {
        // Called by its simple name or through this (this.Fallback(b)): both bind to the type's own method.
        var name = call.Expression as IdentifierNameSyntax
            ?? (call.Expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax qualified } ? qualified : null);
        if (name is null || call.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
        {
            return null;
        }

        MethodDeclarationSyntax? found = null;
        foreach (var member in type.Members)
        {
            if (member is MethodDeclarationSyntax method && method.Identifier.ValueText == name.Identifier.ValueText)
            {
                // Overloads, generic or unfinished helpers: not a sure single target.
                if (found is not null || method.TypeParameterList is not null || (method.Body is null && method.ExpressionBody is null)
                    || method.ParameterList.Parameters.Count != call.ArgumentList.Arguments.Count)
                {
                    return null;
                }

                found = method;
            }
        }

        // Checked last, only for a name the type declares: a local function of that name would shadow it.
        return found is not null && IsPlainComputation(found)
            && call.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>()?.DescendantNodes().OfType<LocalFunctionStatementSyntax>().Any(f => f.Identifier.ValueText == name.Identifier.ValueText) != true
            ? found : null;
    }

    private static bool IsPlainComputation(MethodDeclarationSyntax method)
    {
        SyntaxNode body = (SyntaxNode?)method.Body ?? method.ExpressionBody!;
        var locals = new HashSet<string>(body.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.ValueText), System.StringComparer.Ordinal);
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case InvocationExpressionSyntax call when !IsMathCall(call):
                case BaseObjectCreationExpressionSyntax or AwaitExpressionSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                case AssignmentExpressionSyntax { Left: not IdentifierNameSyntax }:
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } when !locals.Contains(target.Identifier.ValueText):
                    return false;
            }
        }

        return true;
    }

    /// <summary>A call of <c>Math</c>, <c>MathF</c> or <c>Convert</c>, qualified with <c>System.</c> or not.</summary>
    public static bool IsMathCall(InvocationExpressionSyntax call) => call.Expression is MemberAccessExpressionSyntax
    {
        Expression: IdentifierNameSyntax { Identifier.ValueText: "Math" or "MathF" or "Convert" }
            or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "System" }, Name.Identifier.ValueText: "Math" or "MathF" or "Convert" },
    };
}
