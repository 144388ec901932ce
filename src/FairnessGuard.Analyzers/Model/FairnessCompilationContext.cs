using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using FairnessGuard.Analyzers.Naming;
using FairnessGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Analyzers.Model;

/// <summary>
/// Everything the rules need from one compilation, resolved once: the FairnessGuard and ML.NET symbols
/// (each may be absent), the name options per tree, type profiles, and the output policies declared anywhere.
/// </summary>
internal sealed class FairnessCompilationContext
{
    private readonly ConcurrentDictionary<SyntaxTree, Tuple<SyntaxTree, TreeContext>> _trees = new();
    private Tuple<SyntaxTree, TreeContext>? _lastTree;
    private readonly ConcurrentDictionary<SyntaxNode, bool> _guardedScopes = new();
    private readonly ConcurrentDictionary<SyntaxNode, Lazy<FeatureFlow.MlNetPipeline.ClassInput>> _classInputs = new();
    private readonly ConcurrentDictionary<NameMatchers, ConcurrentDictionary<ITypeSymbol, TypeProfile>> _profiles = new();
    private readonly Lazy<HashSet<string>> _constrainedMembers;
    private readonly FairnessAuditIndex _audits;
    private readonly AnalyzerOptions _options;
    private readonly Lazy<KnownSymbols> _symbols;
    private readonly Lazy<ModelInputCandidateSet> _inputCandidates;

    public FairnessCompilationContext(Compilation compilation, AnalyzerOptions options)
    {
        // Nothing is resolved here: a compilation-start action runs before the compiler has bound the
        // references and merged the declarations, and whoever asks first pays for that (about 130 ms on a
        // net10.0 project). The symbols are resolved when the first model-code block is read.
        Compilation = compilation;
        _options = options;
        _symbols = new Lazy<KnownSymbols>(() => new KnownSymbols(compilation));
        _inputCandidates = new(() => InputTypeCandidates.Find(compilation, _symbols.Value.LoadColumnAttribute, ColumnNameAttribute, System.Threading.CancellationToken.None));
        _constrainedMembers = new Lazy<HashSet<string>>(() => PolicyIndex.ConstrainedMemberNames(compilation, FairnessConstraintAttribute, CancellationToken.None));
        _audits = new FairnessAuditIndex(compilation);
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? FairnessConstraintAttribute => _symbols.Value.FairnessConstraintAttribute;

    /// <summary>Whether a <c>ParityGuard</c> type exists at all: otherwise no code can be guarded by one.</summary>
    public bool MayUseParityGuard => _symbols.Value.MayUseParityGuard.Value;

    public INamedTypeSymbol? SensitiveAttribute => _symbols.Value.SensitiveAttribute;

    public INamedTypeSymbol? ColumnNameAttribute => _symbols.Value.ColumnNameAttribute;

    public INamedTypeSymbol? NoColumnAttribute => _symbols.Value.NoColumnAttribute;

    /// <summary>
    /// The types that may be an ML.NET model input (see <see cref="InputTypeCandidates"/>), searched the first
    /// time a pipeline whose input is nowhere in sight asks, and once per compilation.
    /// </summary>
    public ModelInputCandidateSet ModelInputCandidates => _inputCandidates.Value;

    /// <summary>The tree's name options and whether it is generated code, computed once per tree.</summary>
    public TreeContext TreeFor(SyntaxTree tree, System.Threading.CancellationToken token)
    {
        // Node actions arrive tree after tree: the last tree's context answers most calls without a lookup.
        var last = Volatile.Read(ref _lastTree);
        if (last is not null && last.Item1 == tree)
        {
            return last.Item2;
        }

        // The entry is stored in the dictionary, so switching trees allocates nothing.
        var entry = _trees.TryGetValue(tree, out var known) ? known : _trees.GetOrAdd(tree, Tuple.Create(tree, CreateTreeContext(tree, token)));
        Volatile.Write(ref _lastTree, entry);
        return entry.Item2;
    }

    private TreeContext CreateTreeContext(SyntaxTree tree, System.Threading.CancellationToken token) => new(
        NameOptions.Read(_options, tree),
        GeneratedCode.IsGeneratedTree(tree, Compilation, _options.AnalyzerConfigOptionsProvider.GetOptions(tree), token),
        RuleConfiguration.IsConfiguredOn(Compilation, tree, RuleIdentifiers.SensitiveAttributeUsed, token));

    /// <summary>
    /// Whether a <c>ParityGuard</c> is used in the type that declares <paramref name="block"/> (or in the file,
    /// for top-level code): then the outputs are corrected at run time. Computed once per scope.
    /// </summary>
    public bool GuardedAtRunTime(SyntaxNode block)
    {
        if (!MayUseParityGuard)
        {
            return false;
        }

        // One search per file first: a file that never names ParityGuard has no guarded type.
        var root = block.SyntaxTree.GetRoot();
        if (!IsGuardedScope(root))
        {
            return false;
        }

        var scope = (SyntaxNode?)block.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>();
        return scope is null || IsGuardedScope(scope);
    }

    private bool IsGuardedScope(SyntaxNode scope) =>
        _guardedScopes.TryGetValue(scope, out var guarded) ? guarded : _guardedScopes.GetOrAdd(scope, SyntaxSearch.HasIdentifier(scope, "ParityGuard"));

    /// <summary>
    /// A class's model input as its own code states it, read once per class declaration and compilation (a
    /// class with hundreds of pipelines is walked once, not once per pipeline). Pipelines of one class analysed
    /// at the same time wait for the one read rather than each doing it; a read that is cancelled is not
    /// cached, so the next pipeline reads again.
    /// </summary>
    public FeatureFlow.MlNetPipeline.ClassInput PerClass(SyntaxNode type, Func<FeatureFlow.MlNetPipeline.ClassInput> read)
    {
        var input = _classInputs.GetOrAdd(type, _ => new Lazy<FeatureFlow.MlNetPipeline.ClassInput>(read, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return input.Value;
        }
        catch (OperationCanceledException)
        {
            ((ICollection<KeyValuePair<SyntaxNode, Lazy<FeatureFlow.MlNetPipeline.ClassInput>>>)_classInputs).Remove(new KeyValuePair<SyntaxNode, Lazy<FeatureFlow.MlNetPipeline.ClassInput>>(type, input));
            throw;
        }
    }

    public TypeProfile ProfileOf(ITypeSymbol type, NameMatchers names)
    {
        var perNames = _profiles.GetOrAdd(names, _ => new ConcurrentDictionary<ITypeSymbol, TypeProfile>(SymbolEqualityComparer.Default));
        return perNames.GetOrAdd(type, t => TypeProfile.Create(t, names, this));
    }

    public bool IsMarkedSensitive(ISymbol symbol) => SensitiveAttribute is not null && HasAttribute(symbol, SensitiveAttribute);

    public bool HasNoColumn(ISymbol symbol) => NoColumnAttribute is not null && HasAttribute(symbol, NoColumnAttribute);

    /// <summary>Marked <c>[LoadColumn]</c> (a text loader's column).</summary>
    public bool HasLoadColumn(ISymbol symbol) => _symbols.Value.LoadColumnAttribute is { } load && HasAttribute(symbol, load);

    /// <summary>The value of <c>[ColumnName("...")]</c> on the member, or null.</summary>
    public string? ColumnNameOf(ISymbol symbol)
    {
        if (ColumnNameAttribute is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ColumnNameAttribute)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a policy anywhere in the compilation names the member (the prediction method may live
    /// elsewhere than the model code). Indexed once per compilation, the first time a finding needs it.
    /// </summary>
    /// <summary>
    /// Whether the project audits its outputs by the member itself (outputs grouped by it, next to a
    /// four-fifths / parity check): an output constraint of its own. The grouping calls are indexed once per
    /// compilation on first need, a grouping type's check read only when a finding asks about its member.
    /// </summary>
    public bool AuditsMember(string memberName) => _audits.Audits(memberName);

    public bool PolicyNamesMember(string memberName) => FairnessConstraintAttribute is not null && _constrainedMembers.Value.Contains(memberName);

    /// <summary>
    /// Whether an output policy covers all model code in <paramref name="owner"/>: a
    /// <c>FairnessConstraintAttribute</c> on the method, a containing or base type, or the assembly.
    /// Cheap (the attributes of a few symbols), so it is asked before the block is read.
    /// </summary>
    public bool HasPolicyInScope(ISymbol? owner)
    {
        if (FairnessConstraintAttribute is null)
        {
            return false;
        }

        for (var symbol = owner; symbol is not null; symbol = symbol.ContainingSymbol)
        {
            if (symbol is INamespaceSymbol)
            {
                break;
            }

            if (HasConstraint(symbol))
            {
                return true;
            }

            if (symbol is INamedTypeSymbol type)
            {
                for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
                {
                    if (HasConstraint(baseType))
                    {
                        return true;
                    }
                }
            }
        }

        return HasConstraint(Compilation.Assembly);
    }

    public bool IsConstraintAttribute(INamedTypeSymbol? attributeClass) => PolicyIndex.DerivesFrom(attributeClass, FairnessConstraintAttribute);

    private bool HasConstraint(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsConstraintAttribute(attribute.AttributeClass))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the symbol carries an attribute of exactly this type.</summary>
    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The FairnessGuard and ML.NET symbols, each possibly absent.</summary>
    private sealed class KnownSymbols
    {
        public KnownSymbols(Compilation compilation)
        {
            FairnessConstraintAttribute = KnownTypes.Find(compilation, "FairnessGuard.FairnessConstraintAttribute", KnownTypes.FairnessGuardAssemblyPrefix);
            SensitiveAttribute = KnownTypes.Find(compilation, "FairnessGuard.SensitiveAttribute", KnownTypes.FairnessGuardAssemblyPrefix);
            ColumnNameAttribute = KnownTypes.Find(compilation, "Microsoft.ML.Data.ColumnNameAttribute", KnownTypes.MlNetAssemblyPrefix);
            NoColumnAttribute = KnownTypes.Find(compilation, "Microsoft.ML.Data.NoColumnAttribute", KnownTypes.MlNetAssemblyPrefix);
            LoadColumnAttribute = KnownTypes.Find(compilation, "Microsoft.ML.Data.LoadColumnAttribute", KnownTypes.MlNetAssemblyPrefix);

            // The run-time guard may be missing (an older package, or none): recognised by name, in metadata or in source.
            MayUseParityGuard = new Lazy<bool>(() =>
                KnownTypes.Find(compilation, "FairnessGuard.Guard.ParityGuard`1", KnownTypes.FairnessGuardAssemblyPrefix) is not null
                || KnownTypes.Find(compilation, "FairnessGuard.Guard.ParityGuard", KnownTypes.FairnessGuardAssemblyPrefix) is not null
                || compilation.ContainsSymbolsWithName("ParityGuard", SymbolFilter.Type));
        }

        public INamedTypeSymbol? FairnessConstraintAttribute { get; }

        public INamedTypeSymbol? SensitiveAttribute { get; }

        public INamedTypeSymbol? ColumnNameAttribute { get; }

        public INamedTypeSymbol? NoColumnAttribute { get; }

        public INamedTypeSymbol? LoadColumnAttribute { get; }

        public Lazy<bool> MayUseParityGuard { get; }
    }
}
