using FairnessGuard.Monitoring;

namespace FairnessGuard.Guard;

/// <summary>
/// A <see cref="ParityGuard{TGroup}"/> seen without its group type: what the registry, the hosted state
/// service and reports need (options, counts, reports, snapshots, flush, dispose).
/// </summary>
public interface IParityGuard : IDisposable
{
    /// <summary>The options the guard was built with (validated; treat as read-only).</summary>
    ParityGuardOptions Options { get; }

    /// <summary>The group key type.</summary>
    Type GroupType { get; }

    /// <summary>Totals seen so far (samples, corrected, skipped).</summary>
    GuardCounts Counts { get; }

    /// <summary>The report of the last measurement, without measuring.</summary>
    GuardReport LastReport { get; }

    /// <summary>The version of the correction map in use; grows with each rebuild.</summary>
    long MapVersion { get; }

    /// <summary>Groups seen so far.</summary>
    int GroupCount { get; }

    /// <summary>Flushes and measures parity now.</summary>
    /// <returns>The report.</returns>
    GuardReport GetReport();

    /// <summary>Moves buffered samples into the sketches.</summary>
    void Flush();

    /// <summary>The whole guard state as bytes, with the built-in key codec (see <see cref="ParityGuard{TGroup}.CreateSnapshot"/>).</summary>
    /// <returns>The snapshot.</returns>
    /// <exception cref="NotSupportedException">The key type has no built-in codec.</exception>
    byte[] CreateSnapshot();
}
