using FairnessGuard.Guard;
using FairnessGuard.State;

namespace FairnessGuard.Registry;

/// <content>Reload: new registry options rebuild every guard whose effective options changed.</content>
public sealed partial class GuardRegistry
{
    /// <summary>
    /// Replaces the registry's options (as <c>AddFairnessGuard</c> does when configuration reloads) and rebuilds
    /// every guard whose effective options changed. A guard whose state shape is unchanged
    /// (<see cref="ParityGuardOptions.StateShapeHash"/>) keeps its state (snapshot, then
    /// <see cref="ParityGuard{TGroup}.FromSnapshot"/>); otherwise it starts fresh, and that is logged. Generated
    /// methods pick the new guards up on their next call. Samples a replaced guard takes between its snapshot and
    /// the callers moving to its successor are lost (a few calls at most).
    /// </summary>
    /// <param name="options">The new options.</param>
    /// <returns>How many guards were rebuilt.</returns>
    /// <exception cref="ArgumentException">The new options are invalid; nothing changed.</exception>
    public int Reload(FairnessGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfInvalid(options, nameof(options));
        var rebuilt = 0;
        lock (_createLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Volatile.Write(ref _options, options);
            foreach (var (key, entry) in _guards)
            {
                var next = entry.Policy is { } policy ? BuildOptions(policy) : BuildOptions(entry.Name, entry.GroupType);
                if (next is null || entry.Rebuild is null || OptionsFingerprint.Of(next) == OptionsFingerprint.Of(entry.Guard.Options))
                {
                    continue;
                }

                _guards[key] = entry.Rebuild(next, entry.Guard);
                entry.Release();
                rebuilt++;
            }

            Interlocked.Increment(ref _generation);
        }

        RegistryLog.Reloaded(Logger, rebuilt);
        return rebuilt;
    }

    private ParityGuard<TGroup> Carry<TGroup>(ParityGuard<TGroup> old, ParityGuardOptions options, string name)
        where TGroup : notnull
    {
        var oldShape = old.Options.StateShapeHash();
        var shape = options.StateShapeHash();
        if (oldShape == shape)
        {
            try
            {
                var guard = ParityGuard<TGroup>.FromSnapshot(old.CreateSnapshot(), options);
                RegistryLog.Rebuilt(Logger, name, guard.GroupCount);
                return guard;
            }
            catch (Exception ex) when (ex is NotSupportedException or GuardSnapshotFormatException)
            {
                RegistryLog.RebuiltFresh(Logger, name, ex.Message);
                return new ParityGuard<TGroup>(options);
            }
        }

        RegistryLog.RebuiltFresh(Logger, name, $"the state shape changed ({oldShape:x16} -> {shape:x16}: SketchK, MonitorSketchK, HorizonSamples, MaxGroups or a group label)");
        return new ParityGuard<TGroup>(options);
    }
}
