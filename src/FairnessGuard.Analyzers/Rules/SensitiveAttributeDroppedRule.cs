using FairnessGuard.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace FairnessGuard.Analyzers.Rules;

/// <summary>FG0001: a sensitive attribute available on the model's input is dropped, and nothing constrains the outputs.</summary>
internal static class SensitiveAttributeDroppedRule
{
    public static readonly DiagnosticDescriptor Descriptor = Catalog.DiagnosticCatalog.SensitiveAttributeDropped;

    public static Diagnostic Create(FeatureFinding finding, Location? target)
    {
        var policyMember = finding.EntityType is null ? $"\"{finding.MemberName}\"" : $"nameof({finding.EntityType.Name}.{finding.MemberName})";
        var column = finding.GroupColumn ?? finding.MemberName;
        var append = $".Append({ContextOf(finding.Trainer)}.Transforms.DemographicParity(groupColumnName: \"{column}\")) after the trainer";

        // A column the pipeline removes is gone when the appended estimator runs: the message says what the fix
        // really takes (keep the column in the data; leaving it out of the features already keeps it from the
        // model) instead of suggesting an estimator that could not read it (and no code fix is offered then).
        var suggestion = !finding.FromPipeline
            ? UnguardedReturn(target) is { } returned
                ? $"[DemographicParity({policyMember})] on a method of its own that returns the score alone as a double, float or decimal, before it is {returned}"
                : $"[DemographicParity({policyMember})]"
            : finding.RemovedFromData
                ? $"[DemographicParity({policyMember})] on the method that returns the score, or keep '{column}' in the data (leaving it out of Concatenate(\"Features\", …) already keeps it from the model) and {append}"
                : $"{append}, or [DemographicParity({policyMember})] on the method that returns the score";
        return PolicyFixProperties.Create(Descriptor, finding, target, finding.EntityType, finding.MemberName,
            finding.Attribute, finding.AvailableOn, finding.How, suggestion);
    }

    /// <summary>
    /// The context the trainer hangs off, as written (<c>context</c> in <c>context.Regression.Trainers.Sdca(…)</c>,
    /// <c>this.ml</c>), so the suggested estimator compiles where it is pasted; "mlContext" when the syntax says less.
    /// </summary>
    private static string ContextOf(SyntaxNode? trainer) =>
        trainer is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
        {
            Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax
            {
                Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax
                {
                    Name.Identifier.ValueText: "Trainers",
                    Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Expression: var context },
                },
            },
        } && context is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.ThisExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax, Name: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax }
            ? context.ToString()
            : "mlContext";

    /// <summary>
    /// What the scoring method's declared return does to the score when the generator cannot guard it, read from its
    /// syntax (only when the finding is reported): a tuple (its other elements may be computed from the unguarded
    /// score, so the score needs a method of its own) or an integer, bool or string (rounded or thresholded).
    /// Null for a score the policy and its fix can take as it is, or when the syntax does not say.
    /// </summary>
    private static string? UnguardedReturn(Location? target)
    {
        if (target?.SourceTree?.GetRoot().FindNode(target.SourceSpan) is not { } node
            || node.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>() is not { } method)
        {
            return null;
        }

        var returned = method.ReturnType;
        if (returned is Microsoft.CodeAnalysis.CSharp.Syntax.GenericNameSyntax { Identifier.ValueText: "Task" or "ValueTask", TypeArgumentList.Arguments.Count: 1 } task)
        {
            returned = task.TypeArgumentList.Arguments[0];
        }

        return returned switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.TupleTypeSyntax => "combined with other values in a tuple (compute them from the guarded score; a tuple is not guarded)",
            Microsoft.CodeAnalysis.CSharp.Syntax.PredefinedTypeSyntax { Keyword.ValueText: "int" or "long" or "short" or "byte" or "uint" or "ulong" or "ushort" or "sbyte" or "bool" or "string" or "char" } predefined
                => $"turned into '{predefined.Keyword.ValueText}' (rounded or thresholded: such a return is not guarded)",
            _ => null,
        };
    }
}
