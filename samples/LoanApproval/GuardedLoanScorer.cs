using FairnessGuard;

namespace LoanApproval;

/// <summary>
/// The fix: state the rule on the outputs. The denial score must not depend on race — every call of
/// <see cref="DenialScore"/> is corrected by the run-time guard that the FairnessGuard source generator
/// wires in (the generated half of this partial method).
/// </summary>
/// <param name="model">The unaware model whose scores are guarded.</param>
public sealed partial class GuardedLoanScorer(UnawareLoanModel model)
{
    /// <summary>The denial score, with demographic parity across races enforced.</summary>
    /// <param name="applicant">The application.</param>
    /// <returns>The corrected probability-like score.</returns>
    [DemographicParity(nameof(Applicant.Race), WarmUp = 50)]
    public partial double DenialScore(Applicant applicant);

    private double DenialScoreCore(Applicant applicant) => model.Predict(applicant);
}
