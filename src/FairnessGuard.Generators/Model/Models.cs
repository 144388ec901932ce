namespace FairnessGuard.Generators.Model;

/// <summary>One type that contains the method, outermost first: "partial {Keyword} {Name}{TypeParameters}".</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name, string TypeParameters);

/// <summary>One parameter as the implementing part must declare it and as the call to the core method passes it.</summary>
internal sealed record ParameterModel(string Declaration, string Argument);

/// <summary>One policy on the method: where its group key comes from and the attribute's values, as C# literals.</summary>
internal sealed record PolicyModel(
    int Index,
    string SensitiveMember,
    string GroupType,
    string GroupExpression,
    string Mode,
    string Strength,
    string Tolerance,
    string WarmUp);

/// <summary>How the method returns its score.</summary>
internal enum ReturnShape
{
    Double,
    Single,
    TaskOfDouble,
    TaskOfSingle,

    /// <summary><c>decimal</c>: guarded as a double, returned exactly when the guard leaves the score unchanged.</summary>
    Decimal,
    TaskOfDecimal,
}

/// <summary>Everything the emitter needs for one decorated partial method; no symbols, no syntax.</summary>
internal sealed record MethodModel(
    string HintName,
    string Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Modifiers,
    string ReturnType,
    ReturnShape Shape,
    string Name,
    string CoreName,
    string FieldPrefix,
    string MethodKey,
    EquatableArray<ParameterModel> Parameters,
    EquatableArray<PolicyModel> Policies);

/// <summary>What one decorated method yields: a model to emit, diagnostics to report, or both.</summary>
internal sealed record MethodResult(MethodModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A diagnostic with its location reduced to values, so it can travel through the pipeline.</summary>
internal sealed record DiagnosticInfo(string Id, string FilePath, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter, EquatableArray<string> Arguments);
