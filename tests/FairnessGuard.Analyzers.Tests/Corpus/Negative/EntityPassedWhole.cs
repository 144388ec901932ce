// The scoring method logs a summary DTO and passes the entity whole to the model adapter.
namespace Claims;

public sealed class Claim
{
    public Guid Id { get; set; }
    public decimal Amount { get; set; }
    public DateTime FiledOn { get; set; }
    public string ClaimantGender { get; set; } = "";
}

public sealed record ClaimAudit(Guid Id, decimal Amount);

public interface IAuditLog { void Write(ClaimAudit entry); }

public interface IClaimModel { double Score(Claim claim); }

public sealed class ClaimTriage(IClaimModel model, IAuditLog log)
{
    public double Triage(Claim claim)
    {
        log.Write(new ClaimAudit(claim.Id, claim.Amount));
        return model.Score(claim);
    }
}
