using System;
using System.Collections.Generic;
using System.Linq;
using FairnessGuard.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// Shape 2, written one statement at a time: a local collection created empty (<c>new List&lt;T&gt;()</c>,
/// <c>new()</c>, <c>[]</c>, <c>new Dictionary&lt;string, T&gt;()</c>, <c>new float[n]</c>) and filled by
/// statements of the same block (<c>Add</c>, <c>AddRange</c> of an element list, <c>x[i] = …</c>,
/// <c>x["name"] = …</c>) from at least two members of one entity, then read on the way to a prediction.
/// Values from elsewhere may be added too, as in a one-expression feature set; but any write whose content
/// cannot be seen (a call that may fill the collection, an object it is handed to that does not go on to the
/// prediction, an <c>AddRange</c> of another collection, a fill in a loop, a branch or a lambda, a
/// reassignment or an alias) leaves the features unknown, and so does a value whose name or key says it is
/// sensitive (<c>features["gender_code"] = g</c>): the reader then stays silent.
/// </summary>
internal static class AppendedFeatureReader
{
    /// <summary>Members that read a collection without changing it.</summary>
    private static readonly HashSet<string> ReadingMembers = new(StringComparer.Ordinal)
    {
        "ToArray", "ToList", "AsSpan", "AsMemory", "AsReadOnly", "Contains", "ContainsKey", "TryGetValue", "GetValueOrDefault",
        "Count", "Sum", "Select", "Zip", "Average", "Max", "Min", "Cast", "Take", "Skip",
    };

    private enum Use
    {
        Read,
        Fill,
        Unknown,
    }

    public static void Read(BlockScan scan, EntityReads entities, PredictionFlow flow, bool scoring, List<FeatureFinding> findings)
    {
        HashSet<InvocationExpressionSyntax>? sinks = null;
        foreach (var creation in scan.FeatureCandidates.Concat(scan.SizedArrays))
        {
            if (!IsEmpty(creation)
                || creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax declaration
                || ContainerOf(declaration) is not { } container)
            {
                continue;
            }

            var parts = new List<SyntaxNode>();
            var reads = new List<IdentifierNameSyntax>();
            sinks ??= new HashSet<InvocationExpressionSyntax>(scan.PredictionCalls);
            if (!UsesAreKnown(declarator, container, scan, sinks, flow, parts, reads) || parts.Count == 0 || reads.Count == 0
                || MayCarrySensitive(parts, entities) || !IsCollection(creation, entities))
            {
                continue;
            }

            entities.ReportDropped(creation, parts, () => (scoring && reads.Count > 0) || reads.Any(flow.Reaches), findings);
        }
    }

    /// <summary>
    /// Sorts every later use of the local into fills (their values added to <paramref name="parts"/>) and reads;
    /// false when one use is neither (the collection may then hold anything).
    /// </summary>
    private static bool UsesAreKnown(VariableDeclaratorSyntax declarator, SyntaxNode container, BlockScan scan, HashSet<InvocationExpressionSyntax> sinks, PredictionFlow flow, List<SyntaxNode> parts, List<IdentifierNameSyntax> reads)
    {
        var name = declarator.Identifier.ValueText;
        foreach (var identifier in scan.Identifiers)
        {
            if (identifier.Identifier.ValueText != name || identifier.SpanStart < declarator.Span.End || !container.Span.Contains(identifier.Span)
                || (identifier.Parent is MemberAccessExpressionSyntax named && named.Name == identifier) || BlockScan.IsInitializerTarget(identifier))
            {
                continue;
            }

            switch (Classify(identifier, container, sinks, flow, parts))
            {
                case Use.Unknown:
                    return false;
                case Use.Read:
                    reads.Add(identifier);
                    break;
            }
        }

        return true;
    }

    private static Use Classify(IdentifierNameSyntax identifier, SyntaxNode container, HashSet<InvocationExpressionSyntax> sinks, PredictionFlow flow, List<SyntaxNode> parts)
    {
        if (EntityReads.InsideNestedFunction(identifier, container))
        {
            return Use.Unknown;
        }

        switch (identifier.Parent)
        {
            case MemberAccessExpressionSyntax access when access.Expression == identifier:
                if (access.Parent is not InvocationExpressionSyntax call || call.Expression != access)
                {
                    return Use.Read;
                }

                var method = access.Name.Identifier.ValueText;
                if (ReadingMembers.Contains(method))
                {
                    return Use.Read;
                }

                return IsFillStatement(call, container) && FillValues(method, call.ArgumentList) is { } values ? Fill(values, parts) : Use.Unknown;
            case ElementAccessExpressionSyntax element when element.Expression == identifier:
                if (element.Parent is AssignmentExpressionSyntax assignment && assignment.Left == element)
                {
                    // The key goes with the value: a key named like a sensitive attribute makes the features unknown.
                    return assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && IsFillStatement(assignment, container)
                        ? Fill(new SyntaxNode[] { element.ArgumentList, assignment.Right }, parts)
                        : Use.Unknown;
                }

                return element.Parent is PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or ArgumentSyntax { RefKindKeyword.RawKind: not 0 } or RefExpressionSyntax
                    ? Use.Unknown
                    : Use.Read;
            case ArgumentSyntax { RefKindKeyword.RawKind: 0, Parent: ArgumentListSyntax { Parent: { } callee } }:
                // A prediction, or a wrapper (a tensor, a vector) on its way to one, takes the collection; any other
                // call or object may fill it.
                return (callee is InvocationExpressionSyntax invocation && sinks.Contains(invocation))
                    || (callee is BaseObjectCreationExpressionSyntax && flow.ReachesThroughFlow(identifier)) ? Use.Read : Use.Unknown;
            case ReturnStatementSyntax or ArrowExpressionClauseSyntax or SpreadElementSyntax:
            case ForEachStatementSyntax loop when loop.Expression == identifier:
                return Use.Read;
            default:
                return Use.Unknown;
        }
    }

    /// <summary>The values an <c>Add</c> or <c>AddRange</c> of an element list adds, or null for anything else.</summary>
    private static IEnumerable<SyntaxNode>? FillValues(string method, ArgumentListSyntax arguments)
    {
        if (method == "Add" && arguments.Arguments.Count > 0)
        {
            return arguments.Arguments.Select(a => a.Expression);
        }

        if (method != "AddRange" || arguments.Arguments.Count != 1)
        {
            return null;
        }

        return arguments.Arguments[0].Expression switch
        {
            ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
            CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) => collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression),
            _ => null,
        };
    }

    private static Use Fill(IEnumerable<SyntaxNode> values, List<SyntaxNode> parts)
    {
        parts.AddRange(values);
        return Use.Fill;
    }

    /// <summary>A statement of its own, directly in the block that declares the collection (not in a loop or a branch).</summary>
    private static bool IsFillStatement(ExpressionSyntax expression, SyntaxNode container) =>
        expression.Parent is ExpressionStatementSyntax statement && ContainerOf(statement) == container;

    /// <summary>The block a statement belongs to: its block, or the compilation unit for top-level statements.</summary>
    private static SyntaxNode? ContainerOf(StatementSyntax statement) => statement.Parent switch
    {
        BlockSyntax block => block,
        GlobalStatementSyntax global => global.Parent,
        _ => null,
    };

    private static bool IsEmpty(ExpressionSyntax creation) => creation switch
    {
        ObjectCreationExpressionSyntax objectCreation => objectCreation.Initializer is null or { Expressions.Count: 0 } && (objectCreation.ArgumentList?.Arguments.Count ?? 0) <= 1,
        ImplicitObjectCreationExpressionSyntax implicitCreation => implicitCreation.Initializer is null or { Expressions.Count: 0 } && implicitCreation.ArgumentList.Arguments.Count <= 1,
        CollectionExpressionSyntax collection => collection.Elements.Count == 0,
        ArrayCreationExpressionSyntax array => array.Initializer is null && array.Type.RankSpecifiers.Count == 1 && array.Type.RankSpecifiers[0].Sizes.Count == 1,
        _ => false,
    };

    /// <summary>A value named (or keyed) like a sensitive attribute may carry it under another name.</summary>
    private static bool MayCarrySensitive(List<SyntaxNode> parts, EntityReads entities)
    {
        foreach (var node in parts.SelectMany(p => p.DescendantNodesAndSelf()))
        {
            var word = node switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
                _ => null,
            };
            if (word is not null && entities.Names.IsSensitive(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An array, or a collection of <c>System.Collections.Generic</c> (whose <c>Add</c> adds an element) created
    /// with no argument, a capacity or a comparer: a copy of another collection would need reading.
    /// </summary>
    private static bool IsCollection(ExpressionSyntax creation, EntityReads entities)
    {
        var info = entities.Model.GetTypeInfo(creation, entities.Token);
        switch (info.ConvertedType ?? info.Type)
        {
            case IArrayTypeSymbol:
                return true;
            case INamedTypeSymbol named when named.AllInterfaces.Any(i => IsGeneric(i, "ICollection`1")):
                var arguments = (creation as BaseObjectCreationExpressionSyntax)?.ArgumentList?.Arguments;
                return arguments is not { Count: > 0 } || IsCapacityOrComparer(arguments.Value[0].Expression, entities);
            default:
                return false;
        }
    }

    private static bool IsCapacityOrComparer(ExpressionSyntax argument, EntityReads entities) =>
        entities.Model.GetTypeInfo(argument, entities.Token).Type is { } type
        && (type.SpecialType == SpecialType.System_Int32
            || (type is INamedTypeSymbol named && (IsComparer(named) || named.AllInterfaces.Any(IsComparer))));

    private static bool IsComparer(INamedTypeSymbol type) => IsGeneric(type, "IEqualityComparer`1") || IsGeneric(type, "IComparer`1");

    private static bool IsGeneric(INamedTypeSymbol type, string metadataName) =>
        type.MetadataName == metadataName && type.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic";
}
