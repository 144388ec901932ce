using System.Runtime.CompilerServices;

namespace FairnessGuard.Guard;

/// <summary>
/// The groups a guard has seen. Reads are lock-free lookups in an immutable dictionary published by
/// reference; a new group copies it under a lock (rare). Keys beyond the cap share the overflow group, so
/// made-up keys cannot exhaust memory; a null key maps to the unknown group.
/// </summary>
internal sealed class GroupTable<TGroup>
    where TGroup : notnull
{
    /// <summary>Keys below this, of an int-like key type, are also found by index (<see cref="_byIndex"/>).</summary>
    internal const int IndexedKeys = 1024;

    // int keys and int-based enums: equal keys are equal ints, so an array indexed by the key finds what the dictionary
    // finds, without hashing (a folded constant per key type).
    private static readonly bool s_intLike = typeof(TGroup) == typeof(int)
        || (typeof(TGroup).IsEnum && Enum.GetUnderlyingType(typeof(TGroup)) == typeof(int));

    private readonly ParityGuardOptions _options;
    private readonly int _stripeCount;
    private readonly object _addLock = new();
    private readonly Action<GroupState> _onOverflow;
    private readonly Action<GroupState> _onUnknown;
    private Dictionary<TGroup, GroupState> _byKey = [];
    private GroupState[] _all = [];
    private GroupState?[] _byIndex = [];
    private GroupState? _overflow;
    private GroupState? _unknown;

    public GroupTable(ParityGuardOptions options, int stripeCount, Action<GroupState> onOverflow, Action<GroupState> onUnknown)
    {
        _options = options;
        _stripeCount = stripeCount;
        _onOverflow = onOverflow;
        _onUnknown = onUnknown;
    }

    /// <summary>Every group state, by slot.</summary>
    public GroupState[] All => Volatile.Read(ref _all);

    /// <summary>The keyed groups, for snapshots.</summary>
    public IReadOnlyDictionary<TGroup, GroupState> ByKey => Volatile.Read(ref _byKey);

    /// <summary>The overflow group, once a key beyond the cap has been seen.</summary>
    public GroupState? Overflow => Volatile.Read(ref _overflow);

    /// <summary>The unknown group, once a null key has been seen.</summary>
    public GroupState? Unknown => Volatile.Read(ref _unknown);

    public GroupState Resolve(TGroup? group)
    {
        // The type test first: for value-type keys `group is null` would box in unoptimised (Debug) code.
        if (!typeof(TGroup).IsValueType && group is null)
        {
            return Volatile.Read(ref _unknown) ?? AddUnknown();
        }

        // IsValueType first: a constant in every instantiation, so code shared by reference-type keys never reads the static.
        if (typeof(TGroup).IsValueType && s_intLike)
        {
            // A small non-negative key: its group by index (filled only with what the dictionary holds for the key).
            var byIndex = Volatile.Read(ref _byIndex);
            var index = Unsafe.As<TGroup, int>(ref group!);
            if ((uint)index < (uint)byIndex.Length && byIndex[index] is { } indexed)
            {
                return indexed;
            }
        }

        return Volatile.Read(ref _byKey).TryGetValue(group!, out var state) ? state : Add(group!);
    }

    /// <summary>Gets or creates the group for a key (snapshot restore).</summary>
    public GroupState ResolveSpecial(bool overflow) =>
        overflow ? Overflow ?? AddSpecial(ref _overflow, _options.OverflowGroupLabel) : Unknown ?? AddSpecial(ref _unknown, _options.UnknownGroupLabel);

    private GroupState Add(TGroup group)
    {
        lock (_addLock)
        {
            if (_byKey.TryGetValue(group, out var existing))
            {
                return existing;
            }

            if (_byKey.Count >= _options.MaxGroups)
            {
                var isNew = _overflow is null;
                var overflow = ResolveSpecial(overflow: true);
                if (isNew)
                {
                    _onOverflow(overflow);
                }

                return overflow;
            }

            // Everything that runs the key's own code (ToString, GetHashCode, Equals) runs before the group is
            // registered: a key that throws leaves nothing behind (no orphan group, no memory growth).
            var state = new GroupState(group.ToString() ?? string.Empty, _all.Length, _options, _stripeCount);
            var copy = new Dictionary<TGroup, GroupState>(_byKey) { [group] = state };
            Volatile.Write(ref _all, [.. _all, state]);
            Volatile.Write(ref _byKey, copy);
            if (s_intLike && Unsafe.As<TGroup, int>(ref group) is var index && (uint)index < IndexedKeys)
            {
                var byIndex = new GroupState?[Math.Max(_byIndex.Length, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)index + 1))];
                _byIndex.CopyTo(byIndex, 0);
                byIndex[index] = state;
                Volatile.Write(ref _byIndex, byIndex);
            }

            return state;
        }
    }

    private GroupState AddUnknown()
    {
        lock (_addLock)
        {
            if (_unknown is { } existing)
            {
                return existing;
            }

            var state = AddSpecial(ref _unknown, _options.UnknownGroupLabel);
            _onUnknown(state);
            return state;
        }
    }

    private GroupState AddSpecial(ref GroupState? field, string label)
    {
        lock (_addLock)
        {
            return field ??= NewState(label);
        }
    }

    // Caller holds _addLock.
    private GroupState NewState(string label)
    {
        var state = new GroupState(label, _all.Length, _options, _stripeCount);
        Volatile.Write(ref _all, [.. _all, state]);
        return state;
    }
}
