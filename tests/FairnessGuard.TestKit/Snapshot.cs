using System.Runtime.CompilerServices;

namespace FairnessGuard.TestKit;

/// <summary>
/// Approved-file snapshot testing, a small stand-in for Verify (whose core package is not obtainable here).
/// The approved text lives in <c>&lt;TestFile&gt;.&lt;Test&gt;.verified.txt</c> beside the test source; on a
/// mismatch the actual text is written to <c>.received.txt</c> next to it and the failure message carries
/// a unified diff. Set <c>FAIRNESSGUARD_ACCEPT_SNAPSHOTS=1</c> to accept the received text as approved
/// (ignored when <c>CI</c> is set, so CI never approves its own output).
/// </summary>
public static class Snapshot
{
    /// <summary>The environment variable that accepts new or changed snapshots.</summary>
    public const string AcceptVariable = "FAIRNESSGUARD_ACCEPT_SNAPSHOTS";

    /// <summary>Asserts that <paramref name="actual"/> equals the approved snapshot of the calling test.</summary>
    /// <param name="actual">The text to compare; line endings are normalised to LF.</param>
    /// <param name="name">A suffix when one test has several snapshots.</param>
    /// <param name="sourceFile">Filled by the compiler: the test's source file.</param>
    /// <param name="member">Filled by the compiler: the test method.</param>
    /// <exception cref="SnapshotMismatchException">The text differs from the approved file, or none exists.</exception>
    public static void Match(string actual, string? name = null, [CallerFilePath] string sourceFile = "", [CallerMemberName] string member = "")
    {
        var basePath = Path.Combine(
            Path.GetDirectoryName(sourceFile) ?? ".",
            $"{Path.GetFileNameWithoutExtension(sourceFile)}.{member}{(name is null ? string.Empty : "." + name)}");
        Match(actual, basePath, AcceptRequested());
    }

    /// <summary>Compares against <c>{basePath}.verified.txt</c>; the core of <see cref="Match(string, string?, string, string)"/>.</summary>
    /// <param name="actual">The text to compare.</param>
    /// <param name="basePath">The snapshot path without the <c>.verified.txt</c> suffix.</param>
    /// <param name="accept">Whether to approve the actual text instead of failing.</param>
    /// <exception cref="SnapshotMismatchException">The text differs (and <paramref name="accept"/> is false).</exception>
    public static void Match(string actual, string basePath, bool accept)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var verified = basePath + ".verified.txt";
        var received = basePath + ".received.txt";
        var normalized = Normalize(actual);
        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == normalized)
        {
            File.Delete(received);
            return;
        }

        if (accept)
        {
            File.WriteAllText(verified, normalized);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, normalized);
        var message = expected is null
            ? $"No approved snapshot {verified}. The output was written to {received}: review it and rename it, or rerun with {AcceptVariable}=1.\n{normalized}"
            : $"Snapshot {verified} differs; the output was written to {received}. Rerun with {AcceptVariable}=1 to accept.\n{UnifiedDiff.Create(expected, normalized, "verified", "received")}";
        throw new SnapshotMismatchException(message);
    }

    private static bool AcceptRequested()
    {
        var value = Environment.GetEnvironmentVariable(AcceptVariable);
        var ci = Environment.GetEnvironmentVariable("CI");
        var inCi = !string.IsNullOrEmpty(ci) && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase);
        return !inCi && (value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
