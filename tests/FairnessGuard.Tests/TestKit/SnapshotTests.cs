using FairnessGuard.TestKit;

namespace FairnessGuard.Tests.TestKit;

public sealed class SnapshotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fg-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void MissingSnapshotFailsAndWritesReceived()
    {
        var basePath = Path.Combine(_dir, "case");
        var e = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Match("hello\n", basePath, accept: false));
        Assert.Contains("No approved snapshot", e.Message, StringComparison.Ordinal);
        Assert.Equal("hello\n", File.ReadAllText(basePath + ".received.txt"));
        Assert.False(File.Exists(basePath + ".verified.txt"));
    }

    [Fact]
    public void MismatchShowsUnifiedDiffAndMatchRemovesReceived()
    {
        var basePath = Path.Combine(_dir, "case");
        File.WriteAllText(basePath + ".verified.txt", "a\nb\nc\n");
        var e = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Match("a\nB\nc\n", basePath, accept: false));
        Assert.Contains("-b\n+B\n", e.Message.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(File.Exists(basePath + ".received.txt"));

        Snapshot.Match("a\r\nb\r\nc\r\n", basePath, accept: false);
        Assert.False(File.Exists(basePath + ".received.txt"));
    }

    [Fact]
    public void AcceptWritesTheVerifiedFile()
    {
        var basePath = Path.Combine(_dir, "case");
        Snapshot.Match("new text\n", basePath, accept: true);
        Assert.Equal("new text\n", File.ReadAllText(basePath + ".verified.txt"));
        Snapshot.Match("new text\n", basePath, accept: false);
    }

    [Fact]
    public void UnifiedDiffHasHunkHeadersAndContext()
    {
        var old = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}"));
        var changed = old.Replace("line 10", "line ten", StringComparison.Ordinal);
        var diff = UnifiedDiff.Create(old, changed, "v", "r");
        Assert.Equal(
            "--- v\n+++ r\n@@ -7,7 +7,7 @@\n line 7\n line 8\n line 9\n-line 10\n+line ten\n line 11\n line 12\n line 13\n",
            diff.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(string.Empty, UnifiedDiff.Create(old, old));
    }
}
