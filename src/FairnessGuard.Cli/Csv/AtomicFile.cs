using System.Text;

namespace FairnessGuard.Cli.Csv;

/// <summary>
/// Writes a file through a temporary file beside it that is renamed over the target only when the writer
/// finishes without an exception, so an error leaves no half-written output and an old file intact. A
/// SIGINT/SIGTERM (<see cref="CancelAll"/>) deletes every temporary file in flight and stops any later rename.
/// </summary>
internal static class AtomicFile
{
    private static readonly object Gate = new();
    private static readonly HashSet<string> Live = new(StringComparer.Ordinal);
    private static bool s_cancelled;

    /// <summary>Writes <paramref name="path"/> as text (UTF-8, no BOM) with <paramref name="write"/>.</summary>
    public static void Write(string path, Action<TextWriter> write) => WriteBytes(path, stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        write(writer);
    });

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>; on an exception or a cancellation the temp file is deleted and the target untouched.</summary>
    public static void WriteBytes(string path, Action<Stream> write)
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(directory);
        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        lock (Gate)
        {
            if (s_cancelled)
            {
                throw new OperationCanceledException();
            }

            Live.Add(temp);
        }

        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            lock (Gate)
            {
                if (s_cancelled)
                {
                    throw new OperationCanceledException();
                }

                File.Move(temp, full, overwrite: true);
                Live.Remove(temp);
            }
        }
        catch
        {
            lock (Gate)
            {
                File.Delete(temp);
                Live.Remove(temp);
            }

            throw;
        }
    }

    /// <summary>Deletes every temporary file in flight and refuses later renames; returns the targets they were for.</summary>
    public static IReadOnlyList<string> CancelAll()
    {
        lock (Gate)
        {
            s_cancelled = true;
            var removed = new List<string>();
            foreach (var temp in Live)
            {
                try
                {
                    File.Delete(temp);
                    removed.Add(temp);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            Live.Clear();
            return removed;
        }
    }

    /// <summary>Undoes <see cref="CancelAll"/> (for in-process callers such as tests that run several commands).</summary>
    internal static void Reset()
    {
        lock (Gate)
        {
            s_cancelled = false;
        }
    }
}
