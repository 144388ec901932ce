namespace FairnessGuard;

/// <summary>
/// Requires demographic parity of a prediction method's outputs with respect to one sensitive member:
/// the distribution of the score must be the same in every group. Enforced at run time by the
/// Wasserstein-barycenter correction <c>y' = Σ p_s' · Q_s'(F_s(y))</c>.
/// </summary>
/// <remarks>
/// On a class, the policy covers all the class's public prediction methods. Several attributes on one
/// method are applied in declaration order (sequential fairness, one attribute after the other).
/// </remarks>
/// <example><code>
/// [DemographicParity(nameof(Applicant.Race), Tolerance = 0.02)]
/// public partial double Score(Applicant applicant);
/// </code></example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
public sealed class DemographicParityAttribute : FairnessConstraintAttribute
{
    /// <summary>The default <see cref="Tolerance"/>: a KS gap of 0.05.</summary>
    public const double DefaultTolerance = 0.05;

    /// <summary>The default <see cref="WarmUp"/>: samples per group before correcting.</summary>
    public const int DefaultWarmUp = 200;

    /// <summary>Requires parity of the outputs across the groups of <paramref name="sensitiveMember"/>.</summary>
    /// <param name="sensitiveMember">The input member holding the group, best given with <c>nameof</c>.</param>
    public DemographicParityAttribute(string sensitiveMember)
        : base(sensitiveMember)
    {
    }

    /// <summary>
    /// The largest acceptable KS distance between two groups' output distributions, in (0, 1).
    /// A violation is reported only when the DKW lower bound of the measured gap exceeds it. Default 0.05.
    /// </summary>
    public double Tolerance { get; set; } = DefaultTolerance;

    /// <summary>
    /// The strength λ in [0, 1] of the correction: <c>(1 − λ)·y + λ·y'</c>. 1 is full parity, 0 leaves
    /// outputs unchanged. Default 1.
    /// </summary>
    public double Strength { get; set; } = 1.0;

    /// <summary>The minimum number of samples per group before outputs are corrected. Default 200.</summary>
    public int WarmUp { get; set; } = DefaultWarmUp;
}
