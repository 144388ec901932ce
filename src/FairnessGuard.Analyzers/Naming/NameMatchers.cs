using System.Collections.Concurrent;

namespace FairnessGuard.Analyzers.Naming;

/// <summary>
/// What counts as sensitive, as a proxy, and as a prediction call, for one set of options. Immutable and
/// shared by every tree with the same options; results per identifier are memoised.
/// </summary>
internal sealed class NameMatchers
{
    private readonly NameTermList _sensitive;
    private readonly NameTermList _proxies;
    private readonly NameTermList _notSensitive;
    private readonly NameTermList _predictionWords;
    private readonly ConcurrentDictionary<string, string?> _sensitiveCache = new();
    private readonly ConcurrentDictionary<string, string?> _proxyCache = new();
    private readonly ConcurrentDictionary<string, bool> _predictionCache = new();
    private readonly ConcurrentDictionary<string, bool> _builderCache = new();
    private readonly ConcurrentDictionary<string, string?> _needPersonCache = new();
    private static readonly NameTermList NeedPerson = new(ForeignNames.NeedPerson);
    private static readonly string[] BuilderWords = { "feature", "features", "featurize", "vectorize", "vector", "tensor" };

    // Created once: a method group passed to GetOrAdd would allocate a delegate on every call.
    private readonly System.Func<string, bool> _isPredictionNameUncached;
    private readonly System.Func<string, string?> _needPersonUncached;

    public NameMatchers(NameTermList sensitive, NameTermList proxies, NameTermList notSensitive, NameTermList predictionWords)
    {
        _isPredictionNameUncached = IsPredictionNameUncached;
        _needPersonUncached = n => Classify(n, NeedPerson);
        _sensitive = sensitive;
        _proxies = proxies;
        _notSensitive = notSensitive;
        _predictionWords = predictionWords;
    }

    public static NameMatchers Default { get; } = new(
        new NameTermList(DefaultNames.Sensitive),
        new NameTermList(DefaultNames.Proxies),
        new NameTermList(DefaultNames.NotSensitive),
        new NameTermList(DefaultNames.PredictionWords));

    /// <summary>The matched sensitive term, or null when the name is not sensitive.</summary>
    public string? SensitiveTerm(string name) => _sensitiveCache.GetOrAdd(name, n => Classify(n, _sensitive));

    public bool IsSensitive(string name) => SensitiveTerm(name) is not null;

    /// <summary>
    /// A member of a type is sensitive by its name, except a bare age on a thing: <c>Vehicle.Age</c> is not
    /// a protected attribute, <c>Applicant.Age</c> is.
    /// </summary>
    public bool IsSensitiveMember(string memberName, string typeName) => OfMember(memberName, typeName) == MemberSensitivity.Sensitive;

    /// <summary>
    /// How sensitive a member is by its name and its type's name: a bare age (<c>Idade</c>, <c>Edad</c>) on a thing or
    /// an animal is not; a word that names a protected attribute only on a person (<c>Genero</c>, <c>Raza</c>,
    /// <c>Alter</c>) is sensitive on a type whose name says it is a person, not on one that says it is an animal or a
    /// work, and otherwise only when the type has another sensitive member (<see cref="MemberSensitivity.IfPerson"/>).
    /// </summary>
    public MemberSensitivity OfMember(string memberName, string typeName)
    {
        var term = SensitiveTerm(memberName);
        if (term is null)
        {
            return _needPersonCache.GetOrAdd(memberName, _needPersonUncached) is null ? MemberSensitivity.None
                : KindOf(typeName) switch { TypeKind.Person => MemberSensitivity.Sensitive, TypeKind.Unknown => MemberSensitivity.IfPerson, _ => MemberSensitivity.None };
        }

        if (System.Array.IndexOf(ForeignNames.AgeWords, term) < 0 || IdentifierTokens.Split(memberName).Length != 1)
        {
            return MemberSensitivity.Sensitive;
        }

        return KindOf(typeName) == TypeKind.Thing ? MemberSensitivity.None : MemberSensitivity.Sensitive;
    }

    private static TypeKind KindOf(string typeName)
    {
        var kind = TypeKind.Unknown;
        foreach (var word in IdentifierTokens.Split(typeName))
        {
            if (System.Array.IndexOf(DefaultNames.People, word) >= 0 || System.Array.IndexOf(ForeignNames.People, word) >= 0)
            {
                return TypeKind.Person;
            }

            if (System.Array.IndexOf(DefaultNames.ThingsWithAnAge, word) >= 0 || System.Array.IndexOf(ForeignNames.NotPeople, word) >= 0)
            {
                kind = TypeKind.Thing;
            }
            else if (kind == TypeKind.Unknown && System.Array.IndexOf(ForeignNames.Works, word) >= 0)
            {
                kind = TypeKind.Work;
            }
        }

        return kind;
    }

    /// <summary>What a type's name says its rows are: a work (a film, a book) has a genre, not a gender, and no age of its own here.</summary>
    private enum TypeKind
    {
        Unknown,
        Person,
        Thing,
        Work,
    }

    public bool IsProxy(string name) => _proxyCache.GetOrAdd(name, n => Classify(n, _proxies)) is not null && !IsSensitive(name);

    /// <summary>
    /// A prediction method: its first or last word is a prediction word (<c>Predict</c>, <c>PredictProba</c>,
    /// <c>ComputeRiskScore</c>, <c>Forward</c>, <c>Fit</c>), so <c>Scoreboard</c> and <c>Refit</c> are not.
    /// </summary>
    public bool IsPredictionName(string name) => _predictionCache.GetOrAdd(name, _isPredictionNameUncached);

    private bool IsPredictionNameUncached(string name)
    {
        var words = IdentifierTokens.Split(name);
        if (words.Length == 0)
        {
            return false;
        }

        return _predictionWords.Match(new[] { words[0] }) is not null
            || _predictionWords.Match(new[] { words[words.Length - 1] }) is not null;
    }

    /// <summary>A feature builder: a method whose name has a word such as Features, Featurize, Vector or Tensor.</summary>
    public bool IsFeatureBuilderName(string name) => _builderCache.GetOrAdd(name, n =>
    {
        foreach (var word in IdentifierTokens.Split(n))
        {
            if (System.Array.IndexOf(BuilderWords, word) >= 0)
            {
                return true;
            }
        }

        return false;
    });

    private string? Classify(string name, NameTermList list)
    {
        var words = IdentifierTokens.Split(name);
        var term = list.Match(words);
        if (term is null || _notSensitive.Match(words) is not null)
        {
            return null;
        }

        return term;
    }
}

/// <summary>How sensitive a member's name makes it; ordered, so the stronger of two readings wins.</summary>
internal enum MemberSensitivity
{
    None,

    /// <summary>Sensitive only when the type has another sensitive member (so its rows are people).</summary>
    IfPerson,
    Sensitive,
}
