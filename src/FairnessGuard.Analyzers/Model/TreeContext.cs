using FairnessGuard.Analyzers.Naming;

namespace FairnessGuard.Analyzers.Model;

/// <summary>What the rules need per syntax tree, computed once: its name options, whether it is generated, which opt-in rules are on.</summary>
internal sealed class TreeContext
{
    public TreeContext(NameMatchers names, bool isGenerated, bool reportsUsedDirectly)
    {
        Names = names;
        IsGenerated = isGenerated;
        ReportsUsedDirectly = reportsUsedDirectly;
    }

    public NameMatchers Names { get; }

    public bool IsGenerated { get; }

    /// <summary>Whether FG0004 (disabled by default) is switched on for the tree.</summary>
    public bool ReportsUsedDirectly { get; }
}
