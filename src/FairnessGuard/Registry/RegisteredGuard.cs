using FairnessGuard.Guard;

namespace FairnessGuard.Registry;

/// <summary>A guard held by a <see cref="GuardRegistry"/>, seen without its group type (for reports and health checks).</summary>
public sealed class RegisteredGuard
{
    private readonly Func<GuardReport> _report;

    internal RegisteredGuard(GuardPolicy policy, Type groupType, object guard, Func<GuardReport> report)
    {
        Policy = policy;
        GroupType = groupType;
        Guard = guard;
        _report = report;
    }

    /// <summary>The policy the guard enforces.</summary>
    public GuardPolicy Policy { get; }

    /// <summary>The group key type of the guard.</summary>
    public Type GroupType { get; }

    /// <summary>The <see cref="ParityGuard{TGroup}"/> itself.</summary>
    public object Guard { get; }

    /// <summary>Flushes and measures parity now.</summary>
    /// <returns>The report.</returns>
    public GuardReport GetReport() => _report();
}
