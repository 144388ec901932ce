namespace FairnessGuard.Registry;

/// <summary>
/// One policy on one method, as the source generator read it from the attribute: the registry key of its
/// guard and the attribute's values, which configuration may override.
/// </summary>
public sealed class GuardPolicy
{
    /// <summary>Describes the <paramref name="index"/>-th policy on the method <paramref name="methodKey"/>.</summary>
    /// <param name="methodKey">"Namespace.Type.Method": the registry key and the configuration section name.</param>
    /// <param name="index">The policy's position among the method's policies, 0 first.</param>
    /// <param name="sensitiveMember">The member or parameter that holds the group.</param>
    /// <exception cref="ArgumentException">A name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public GuardPolicy(string methodKey, int index, string sensitiveMember)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(methodKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(sensitiveMember);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        MethodKey = methodKey;
        Index = index;
        SensitiveMember = sensitiveMember;
    }

    /// <summary>"Namespace.Type.Method", the key under <c>FairnessGuard:Policies</c>.</summary>
    public string MethodKey { get; }

    /// <summary>The policy's position among the method's policies (guards are applied in this order).</summary>
    public int Index { get; }

    /// <summary>The member or parameter that holds the group; also the name of a per-policy configuration sub-section.</summary>
    public string SensitiveMember { get; }

    /// <summary>The attribute's <see cref="FairnessConstraintAttribute.Mode"/>.</summary>
    public PolicyMode Mode { get; init; } = PolicyMode.Enforce;

    /// <summary>The attribute's <see cref="DemographicParityAttribute.Strength"/>.</summary>
    public double Strength { get; init; } = 1.0;

    /// <summary>The attribute's <see cref="DemographicParityAttribute.Tolerance"/>.</summary>
    public double Tolerance { get; init; } = DemographicParityAttribute.DefaultTolerance;

    /// <summary>The attribute's <see cref="DemographicParityAttribute.WarmUp"/>.</summary>
    public int WarmUp { get; init; } = DemographicParityAttribute.DefaultWarmUp;

    /// <summary>The guard's name in logs, metrics and violations: "demographic-parity:{member}".</summary>
    public string PolicyName => $"demographic-parity:{SensitiveMember}";

    /// <summary>"Namespace.Type.Method:SensitiveMember": the guard's key in the state store and in replicated state.</summary>
    public string StateKey => $"{MethodKey}:{SensitiveMember}";

    /// <inheritdoc />
    public override string ToString() => $"{MethodKey}[{Index}] {PolicyName}";
}
