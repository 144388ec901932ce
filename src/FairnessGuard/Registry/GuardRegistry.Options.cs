using FairnessGuard.Guard;

namespace FairnessGuard.Registry;

/// <content>The options each guard is built with.</content>
public sealed partial class GuardRegistry
{
    /// <summary>
    /// The options a policy's guard is built with: the attribute's values, then the method's configuration
    /// section, then its per-policy sub-section, then <see cref="FairnessGuardOptions.ConfigurePolicy"/>.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <returns>New options (not yet validated).</returns>
    public ParityGuardOptions BuildOptions(GuardPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var settings = Options;
        var options = Shared(settings);
        options.PolicyName = policy.PolicyName;
        options.MethodName = policy.MethodKey;
        options.Mode = policy.Mode;
        options.Strength = policy.Strength;
        options.Tolerance = policy.Tolerance;
        options.WarmUp = policy.WarmUp;
        options.AttributeName = policy.SensitiveMember;
        if (settings.Policies.TryGetValue(policy.MethodKey, out var methodLevel))
        {
            methodLevel.ApplyTo(options);
        }

        if (settings.Policies.TryGetValue(policy.StateKey, out var policyLevel))
        {
            policyLevel.ApplyTo(options);
        }

        settings.ConfigurePolicy?.Invoke(policy, options);
        return options;
    }

    /// <summary>
    /// The options of a hand-made guard: the shared logging, meters, clock and sinks, its name as
    /// <see cref="ParityGuardOptions.PolicyName"/>, then its configure delegate, then <c>FairnessGuard:Policies:&lt;name&gt;</c>.
    /// </summary>
    private ParityGuardOptions? BuildOptions(string name, Type group)
    {
        var settings = Options;
        if (!settings.AddedGuards.TryGetValue(name, out var definition) || definition.Group != group)
        {
            return null;
        }

        var options = Shared(settings);
        options.PolicyName = name;
        definition.Configure?.Invoke(options);
        if (settings.Policies.TryGetValue(name, out var overrides))
        {
            overrides.ApplyTo(options);
        }

        return options;
    }

    private static ParityGuardOptions Shared(FairnessGuardOptions settings)
    {
        var options = new ParityGuardOptions
        {
            LoggerFactory = settings.LoggerFactory,
            MeterFactory = settings.MeterFactory,
            TimeProvider = settings.TimeProvider,
        };
        foreach (var sink in settings.Sinks)
        {
            options.Sinks.Add(sink);
        }

        return options;
    }
}
