using FairnessGuard.Guard;
using Microsoft.Extensions.Options;

namespace FairnessGuard.Registry;

/// <summary>
/// Validates <see cref="FairnessGuardOptions"/> as each guard will: every override is applied to default
/// guard options and checked by the guard's own rules, so a bad value fails at start-up, not at the first
/// prediction, with a message naming the configuration key and the option.
/// </summary>
internal sealed class FairnessGuardOptionsValidator : IValidateOptions<FairnessGuardOptions>
{
    public ValidateOptionsResult Validate(string? name, FairnessGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem found, one message each; empty when valid.</summary>
    public static List<string> Failures(FairnessGuardOptions options)
    {
        var failures = new List<string>(options.ConfigurationErrors);
        if (options.TimeProvider is null)
        {
            failures.Add("FairnessGuardOptions.TimeProvider must not be null.");
        }

        if (options.SnapshotInterval <= TimeSpan.Zero)
        {
            failures.Add($"FairnessGuardOptions.SnapshotInterval must be positive (got {options.SnapshotInterval}).");
        }

        if (options.SyncInterval <= TimeSpan.Zero)
        {
            failures.Add($"FairnessGuardOptions.SyncInterval must be positive (got {options.SyncInterval}).");
        }

        foreach (var (key, overrides) in options.Policies)
        {
            var probe = new ParityGuardOptions();
            overrides.ApplyTo(probe);
            try
            {
                probe.Validate();
            }
            catch (ArgumentOutOfRangeException ex)
            {
                var message = ex.Message.Split('\n')[0].Trim();
                failures.Add($"{FairnessGuardOptions.SectionName}:Policies:{key}:{ex.ParamName}: {message}");
            }
        }

        return failures;
    }
}
