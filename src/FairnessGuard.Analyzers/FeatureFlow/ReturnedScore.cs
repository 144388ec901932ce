using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// The score a hand-written scoring method computes by arithmetic on an entity's members: an arithmetic expression
/// it returns (expression body, or the return statement that ends its body), or a local it returns (alone or as an
/// element of a returned tuple) whose every assignment is arithmetic, a conditional or a constant
/// (<c>score += income &gt;= 30000 ? 50 : 10;</c>), possibly under conditions (<c>if (a.Income &gt; 50000) score += 20;</c>,
/// see <see cref="ScoreConditions"/>) and through plain-computation helpers of the same type
/// (<see cref="ScoreHelpers"/>). A local with any other call in its assignments is not a score this reader can vouch
/// for (it may come from a model), so it is ignored.
/// </summary>
internal readonly partial struct ReturnedScore
{
    private ReturnedScore(ExpressionSyntax location, IReadOnlyList<SyntaxNode> parts)
    {
        Location = location;
        Parts = parts;
    }

    /// <summary>Where the finding is reported: the returned arithmetic, or the returned local.</summary>
    public ExpressionSyntax Location { get; }

    /// <summary>The expressions whose entity reads are the score's features.</summary>
    public IReadOnlyList<SyntaxNode> Parts { get; }

    public static ReturnedScore? Find(SyntaxNode block)
    {
        if (block is not MethodDeclarationSyntax method)
        {
            return null;
        }

        var returned = method.ExpressionBody?.Expression
            ?? (method.Body?.Statements.LastOrDefault() is ReturnStatementSyntax { Expression: { } value } ? value : null);
        if (FromReturned(method, returned, last: true) is { } score)
        {
            return score;
        }

        return method.Body is { } body ? FromEarlierReturn(method, body) : null;
    }

    /// <summary>
    /// A score returned before the end of the body (<c>try { ... return probability; } catch { return Fallback(b); }</c>):
    /// the first return statement of the method itself (not of a lambda or local function) whose value is a score. Its
    /// features are its own parts and the other paths that return a same-type plain helper's value (<c>return
    /// Fallback(b)</c>): that helper is followed rather than taken as the entity escaping. Any other path (a model,
    /// a lookup) leaves the entity alone unless it is handed over whole, which keeps the score unreported.
    /// </summary>
    private static ReturnedScore? FromEarlierReturn(MethodDeclarationSyntax method, BlockSyntax body)
    {
        var returns = body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>().Where(r => r.Expression is not null).ToList();
        if (returns.Count < 2)
        {
            return null;
        }

        foreach (var statement in returns)
        {
            if (FromReturned(method, statement.Expression, last: false) is not { } score)
            {
                continue;
            }

            // The other paths that return a same-type plain helper's value (return this.Fallback(b);) are followed with
            // the score: the entity they are handed is read there, not passed on.
            var parts = score.Parts.ToList();
            parts.AddRange(returns.Where(r => r != statement && Unwrap(r.Expression) is InvocationExpressionSyntax call && ScoreHelpers.IsPlainHelperCall(call))
                .Select(r => (SyntaxNode)r.Expression!));
            return new ReturnedScore(score.Location, parts);
        }

        return null;
    }

    private static ReturnedScore? FromReturned(MethodDeclarationSyntax method, ExpressionSyntax? returned, bool last)
    {
        returned = WithoutRounding(method, Unwrap(returned));
        if (returned is null)
        {
            return null;
        }

        // A link function around the score (Sigmoid(z), Math.Exp(z), 1 / (1 + Math.Exp(-z))): the score is its argument.
        if (returned is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } link && (ScoreHelpers.IsMathCall(link) || link.Expression is IdentifierNameSyntax))
        {
            var inner = Unwrap(link.ArgumentList.Arguments[0].Expression);
            if (inner is not null && (IsArithmetic(inner) || inner is IdentifierNameSyntax or PrefixUnaryExpressionSyntax))
            {
                returned = inner is PrefixUnaryExpressionSyntax { Operand: var operand } ? Unwrap(operand) ?? inner : inner;
            }
        }

        if (IsArithmetic(returned))
        {
            // A one-statement body or an expression body: the expression is the whole score. In a longer body the
            // statements before it may compute parts of it, so the whole body's reads count; unless a local it reads
            // comes from a call the rule cannot read (a weight table, a model): then it is not a score to vouch for.
            if (method.Body is { } body && (body.Statements.Count > 1 || !last))
            {
                return ReadsOpaqueLocal(body, returned) ? null : new ReturnedScore(returned, new SyntaxNode[] { body });
            }

            return new ReturnedScore(returned, new SyntaxNode[] { returned });
        }

        if (method.Body is null)
        {
            return null;
        }

        var elements = returned is TupleExpressionSyntax tuple ? tuple.Arguments.Select(a => Unwrap(a.Expression)) : new[] { returned };
        foreach (var element in elements)
        {
            if (element is IdentifierNameSyntax local && LocalScore(method.Body, local.Identifier.ValueText) is { } parts)
            {
                return new ReturnedScore(local, parts);
            }
        }

        return null;
    }

    private static List<SyntaxNode>? LocalScore(BlockSyntax body, string name)
    {
        var parts = new List<SyntaxNode>();
        var arithmetic = false;
        foreach (var node in body.DescendantNodes())
        {
            ExpressionSyntax? value = node switch
            {
                VariableDeclaratorSyntax declarator when declarator.Identifier.ValueText == name => declarator.Initializer?.Value,
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when target.Identifier.ValueText == name => assignment.Right,
                _ => null,
            };
            // Declared outside a plain local declaration (a loop variable) or written through out/ref: not a score this
            // reader can follow.
            if (node is VariableDeclaratorSyntax { Parent.Parent: not LocalDeclarationStatementSyntax } outside && outside.Identifier.ValueText == name
                || node is ArgumentSyntax { RefKindKeyword.RawKind: not (int)SyntaxKind.None, Expression: IdentifierNameSyntax written } && written.Identifier.ValueText == name)
            {
                return null;
            }

            if (value is null)
            {
                continue;
            }

            if (value.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax call && !IsComputation(call) || n is ObjectCreationExpressionSyntax or AwaitExpressionSyntax or LambdaExpressionSyntax))
            {
                return null;
            }

            arithmetic |= node is AssignmentExpressionSyntax { RawKind: not (int)SyntaxKind.SimpleAssignmentExpression } || value.DescendantNodesAndSelf().Any(n => n is ExpressionSyntax e && IsArithmetic(e));
            parts.Add(value);
            if (!ScoreConditions.AddGuards(node, body, parts, IsComputation))
            {
                return null;
            }
        }

        return arithmetic && parts.Count > 0 ? WithInputs(body, parts) : null;
    }

    /// <summary>
    /// Adds the initializers of the locals the score's assignments read (<c>var income = dto.Income ?? 0;</c>),
    /// transitively, so the entity members read through them count as the score's features.
    /// </summary>
    private static List<SyntaxNode> WithInputs(BlockSyntax body, List<SyntaxNode> parts)
    {
        Dictionary<string, ExpressionSyntax>? initializers = null;
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        for (var i = 0; i < parts.Count; i++)
        {
            foreach (var identifier in parts[i].DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                initializers ??= body.DescendantNodes().OfType<LocalDeclarationStatementSyntax>().SelectMany(d => d.Declaration.Variables)
                    .Where(v => v.Initializer is not null).GroupBy(v => v.Identifier.ValueText).Where(g => g.Count() == 1)
                    .ToDictionary(g => g.Key, g => g.First().Initializer!.Value, System.StringComparer.Ordinal);
                if (seen.Add(identifier.Identifier.ValueText) && initializers.TryGetValue(identifier.Identifier.ValueText, out var value)
                    && !value.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax call && !IsComputation(call)))
                {
                    parts.Add(value);
                }
            }
        }

        return parts;
    }

    /// <summary>A <c>Math</c> call or a plain-computation helper of the same type: it cannot hide a model.</summary>
    private static bool IsComputation(InvocationExpressionSyntax call) => ScoreHelpers.IsMathCall(call) || ScoreHelpers.IsPlainHelperCall(call);

    private static bool IsArithmetic(ExpressionSyntax expression)
        => expression.IsKind(SyntaxKind.AddExpression) || expression.IsKind(SyntaxKind.SubtractExpression)
            || expression.IsKind(SyntaxKind.MultiplyExpression) || expression.IsKind(SyntaxKind.DivideExpression);

    private static ExpressionSyntax? Unwrap(ExpressionSyntax? expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }
}
