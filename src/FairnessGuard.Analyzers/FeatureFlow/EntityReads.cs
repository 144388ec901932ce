using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FairnessGuard.Analyzers.Model;
using FairnessGuard.Analyzers.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FairnessGuard.Analyzers.FeatureFlow;

/// <summary>
/// The members of an entity (a parameter, a local or <c>this</c>) that a hand-written feature set reads, and
/// the findings that follow when the entity has sensitive members the code block never reads. Shared by the
/// one-expression feature sets and the ones appended a statement at a time; an entity is reported once per block.
/// </summary>
internal sealed partial class EntityReads
{
    private const int MinimumFeatures = 2;
    private readonly BlockScan _scan;
    private readonly SemanticModel _model;
    private readonly System.Collections.Immutable.ImmutableArray<IParameterSymbol> _parameters;
    private readonly FairnessCompilationContext _context;
    private readonly HashSet<ISymbol> _reported = new(SymbolEqualityComparer.Default);
    private readonly ReadCandidates _candidates;
    private readonly HashSet<SyntaxNode> _followed = new();
    private readonly Func<string, bool> _isParameter;
    private readonly Func<string, bool> _isModelBlock;

    public EntityReads(BlockScan scan, SemanticModel model, IMethodSymbol? method, FairnessCompilationContext context, NameMatchers names, CancellationToken token)
    {
        _scan = scan;
        _model = model;
        _parameters = method?.Parameters ?? System.Collections.Immutable.ImmutableArray<IParameterSymbol>.Empty;
        _context = context;
        Names = names;
        Token = token;
        _candidates = new ReadCandidates(scan.Block, method);
        _isParameter = n => ParameterNamed(_parameters, n) is not null;
        _isModelBlock = n => names.IsFeatureBuilderName(n) || names.IsPredictionName(n);
    }

    public NameMatchers Names { get; }

    public SemanticModel Model => _model;

    public CancellationToken Token { get; }

    /// <summary>
    /// Reports, at <paramref name="location"/>, each entity that <paramref name="parts"/> read at least two members
    /// of, that has sensitive members none of which the block reads, that is not passed whole anywhere, and
    /// whose feature set reaches a prediction (<paramref name="reaches"/>, asked last: it is the dearest check).
    /// </summary>
    public void ReportDropped(ExpressionSyntax location, IEnumerable<SyntaxNode> parts, Func<bool> reaches, List<FeatureFinding> findings)
    {
        foreach (var pair in SourcesRead(parts))
        {
            var source = pair.Key;
            var reads = pair.Value;
            if (reads.Count < MinimumFeatures || _reported.Contains(source) || source is not ILocalSymbol and not IParameterSymbol and not ITypeSymbol
                || TypeOf(source) is not { } type || !IsEntity(type))
            {
                continue;
            }

            var profile = _context.ProfileOf(type, Names);
            if (!profile.HasSensitive || EscapesWhole(source, _scan, _followed) || !reaches())
            {
                continue;
            }

            _reported.Add(source);
            Report(location, source, type, profile, reads, _scan, findings);
        }
    }

    private static void Report(ExpressionSyntax candidate, ISymbol source, ITypeSymbol type, TypeProfile profile, Dictionary<string, SyntaxNode> reads, BlockScan scan, List<FeatureFinding> findings)
    {
        var availableOn = source is ITypeSymbol ? $"'{type.Name}' (this instance)" : $"'{type.Name}' ({(source is IParameterSymbol ? "parameter" : "local")} '{source.Name}')";
        var dropped = new List<FeatureFinding>();
        foreach (var member in profile.Members.Where(m => m.IsSensitive))
        {
            if (reads.ContainsKey(member.Name) || scan.Words.Contains(member.Name) || scan.StringValues.Contains(member.Name) || scan.StringValues.Contains(member.ColumnName))
            {
                continue;
            }

            var how = $"not read when building the features here (which read {string.Join(", ", reads.Keys.Take(3))}{(reads.Count > 3 ? ", …" : string.Empty)})";
            dropped.Add(new FeatureFinding(FindingKind.Dropped, candidate.GetLocation(), $"{type.Name}.{member.Name}", availableOn, how, type, member.Name));
        }

        findings.AddRange(dropped);
        foreach (var pair in reads)
        {
            var member = profile.Find(pair.Key);
            if (member is { IsSensitive: true })
            {
                findings.Add(new FeatureFinding(FindingKind.UsedDirectly, pair.Value.GetLocation(), $"{type.Name}.{member.Name}", availableOn, "used as a feature", type, member.Name));
            }
            else if (member is { IsProxy: true } && dropped.Count > 0)
            {
                findings.Add(new FeatureFinding(FindingKind.ProxyKept, pair.Value.GetLocation(), $"{type.Name}.{member.Name}", availableOn, "kept as a feature", type, member.Name)
                {
                    DroppedAttribute = dropped[0].Attribute,
                    DroppedFinding = dropped[0],
                });
            }
        }
    }

    /// <summary>The members read inside the parts, grouped by the variable (or <c>this</c>) they are read from.</summary>
    private Dictionary<ISymbol, Dictionary<string, SyntaxNode>> SourcesRead(IEnumerable<SyntaxNode> parts)
    {
        var result = new Dictionary<ISymbol, Dictionary<string, SyntaxNode>>(SymbolEqualityComparer.Default);
        var byReceiver = new Dictionary<string, List<SimpleNameSyntax>>(StringComparer.Ordinal);

        // One pass over the parts' nodes: the names read, and the calls, which may go to a helper whose reads count too.
        List<InvocationExpressionSyntax>? calls = null;
        foreach (var part in parts)
        {
            foreach (var node in part.DescendantNodesAndSelf())
            {
                if (node is InvocationExpressionSyntax call)
                {
                    (calls ??= new List<InvocationExpressionSyntax>()).Add(call);
                }
                else if (node is IdentifierNameSyntax identifier)
                {
                    AddRead(byReceiver, identifier);
                }
            }
        }

        if (calls is not null)
        {
            ScoreHelpers.ReadsThrough(calls, _followed, _isParameter, _isModelBlock, byReceiver);
        }

        foreach (var pair in byReceiver)
        {
            // Only names that can read an instance member of a local, a parameter or `this` are bound (see ReadCandidates).
            var isThis = pair.Key == "this";
            if (_candidates.Count(pair.Value, isThis) < MinimumFeatures || (!isThis && !_candidates.MayBeVariable(pair.Key)))
            {
                continue;
            }

            foreach (var name in pair.Value)
            {
                if (name.Parent is null || (isThis && !_candidates.MayBeMember(name)) || ReadOf(name, pair.Key) is not { } source)
                {
                    continue;
                }

                if (!result.TryGetValue(source, out var reads))
                {
                    reads = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
                    result.Add(source, reads);
                }

                if (!reads.ContainsKey(name.Identifier.ValueText))
                {
                    reads.Add(name.Identifier.ValueText, name.Parent is MemberAccessExpressionSyntax parentAccess ? parentAccess : name);
                }
            }
        }

        return result;
    }

    private static void AddRead(Dictionary<string, List<SimpleNameSyntax>> byReceiver, IdentifierNameSyntax identifier)
    {
        // nameof(Row.X) names a member, it reads no value.
        if (BlockScan.IsInsideNameof(identifier))
        {
            return;
        }

        if (identifier.Parent is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } access && access.Name == identifier)
        {
            Add(byReceiver, receiver.Identifier.ValueText, identifier);
        }
        else if (identifier.Parent is not MemberAccessExpressionSyntax && !BlockScan.IsInitializerTarget(identifier))
        {
            Add(byReceiver, "this", identifier);
        }
    }

    internal static void Add(Dictionary<string, List<SimpleNameSyntax>> map, string key, SimpleNameSyntax name)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = new List<SimpleNameSyntax>();
            map.Add(key, list);
        }

        list.Add(name);
    }

    /// <summary>The entity passed whole to anything but a followed helper (<see cref="ScoreHelpers"/>): it may be read there.</summary>
    private static bool EscapesWhole(ISymbol source, BlockScan scan, HashSet<SyntaxNode> followed)
    {
        if (source is ITypeSymbol)
        {
            return false;
        }

        return scan.Identifiers.Any(i => i.Identifier.ValueText == source.Name
            && !(i.Parent is MemberAccessExpressionSyntax access && access.Expression == i)
            && i.Parent is not ConditionalAccessExpressionSyntax && !followed.Contains(i));
    }

    private static ITypeSymbol? TypeOf(ISymbol source) => source switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        ITypeSymbol type => type,
        _ => null,
    };

    private static bool IsEntity(ITypeSymbol type) =>
        type.TypeKind is TypeKind.Class or TypeKind.Struct
        && type.SpecialType == SpecialType.None
        && !MlNetCall.IsMlNet(type)
        && type.ContainingNamespace?.ToDisplayString().StartsWith("System", StringComparison.Ordinal) != true;
}
