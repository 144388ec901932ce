namespace FairnessGuard;

/// <summary>
/// Marks a property, field or parameter that holds a protected attribute (gender, race, age, ...).
/// </summary>
/// <remarks>
/// The build-time analyzer treats marked members as sensitive whatever their name, and the run-time guard
/// reads the group key of a prediction from them. Marking a member does not remove it from anything: the
/// fairness requirement is stated on the outputs with a <see cref="FairnessConstraintAttribute"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class SensitiveAttribute : Attribute
{
}
