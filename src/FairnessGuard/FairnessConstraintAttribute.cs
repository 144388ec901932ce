namespace FairnessGuard;

/// <summary>
/// Base class of every output-level fairness policy. A prediction method (or its type, or its assembly)
/// that carries one states how its outputs must behave, instead of hiding inputs.
/// </summary>
/// <remarks>
/// The analyzer and the source generator recognise policies through this base class, so a derived policy
/// silences "fairness through unawareness" diagnostics and is wired into the run-time guard alike.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly, AllowMultiple = true, Inherited = true)]
public abstract class FairnessConstraintAttribute : Attribute
{
    /// <summary>Initialises the policy for one sensitive member of the prediction's input.</summary>
    /// <param name="sensitiveMember">The name of the input member that holds the group, best given with <c>nameof</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="sensitiveMember"/> is null, empty or white space.</exception>
    protected FairnessConstraintAttribute(string sensitiveMember)
    {
        if (string.IsNullOrWhiteSpace(sensitiveMember))
        {
            throw new ArgumentException("The sensitive member name must be a non-empty member name, e.g. nameof(Applicant.Race).", nameof(sensitiveMember));
        }

        SensitiveMember = sensitiveMember;
    }

    /// <summary>The name of the input member (or parameter) that holds the sensitive attribute.</summary>
    public string SensitiveMember { get; }

    /// <summary>Whether the guard corrects outputs or only measures them. Default <see cref="PolicyMode.Enforce"/>.</summary>
    public PolicyMode Mode { get; set; } = PolicyMode.Enforce;
}
