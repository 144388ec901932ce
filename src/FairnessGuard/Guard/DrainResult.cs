namespace FairnessGuard.Guard;

/// <summary>What a drain did: the group's true count afterwards (−1 when nothing was drained) and what drift testing concluded.</summary>
internal readonly record struct DrainResult(long Samples, DrainOutcome Drift)
{
    /// <summary>Whether drift restarted the group's estimate.</summary>
    public bool Drifted => Drift >= DrainOutcome.Followed;
}

/// <summary>What a drain's drift test concluded, in rising order of consequence.</summary>
internal enum DrainOutcome
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>After another group's change, the group's first window showed no change: its history counts again at the next build.</summary>
    Cleared,

    /// <summary>After another group's change, the group's first window showed a change too: its history is dropped.</summary>
    Followed,

    /// <summary>The group's own two-stage test found a change: it restarted, and the groups no larger than it are alerted.</summary>
    Detected,
}
