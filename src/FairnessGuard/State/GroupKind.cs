namespace FairnessGuard.State;

/// <summary>What kind of group a stored state belongs to.</summary>
public enum GroupKind : byte
{
    /// <summary>A group with its own key.</summary>
    Keyed = 0,

    /// <summary>The group shared by keys beyond <see cref="Guard.ParityGuardOptions.MaxGroups"/>.</summary>
    Overflow = 1,

    /// <summary>The group of null keys.</summary>
    Unknown = 2,
}
