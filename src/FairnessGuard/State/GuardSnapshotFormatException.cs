namespace FairnessGuard.State;

/// <summary>A guard snapshot was corrupted, truncated, of another version, or taken under incompatible options. Nothing was loaded.</summary>
public sealed class GuardSnapshotFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public GuardSnapshotFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong with the snapshot.</param>
    public GuardSnapshotFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong with the snapshot.</param>
    /// <param name="innerException">The cause.</param>
    public GuardSnapshotFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal GuardSnapshotFormatException(string message, bool incompatibleOptions)
        : base(message) => IsIncompatibleOptions = incompatibleOptions;

    /// <summary>
    /// True when the snapshot is intact but was taken under options of another shape (sketch sizes, horizon,
    /// cap, labels): a store keeps such a snapshot and starts fresh; false when the bytes are bad.
    /// </summary>
    public bool IsIncompatibleOptions { get; }
}
