using System.Collections.Concurrent;

namespace FairnessGuard.Cli.Csv;

/// <summary>
/// Reads a large CSV file on two cores: the caller reads from the start as ever, while a second thread reads from
/// a line break near the middle (the <see cref="Boundary"/>) to the end into its own part. The guess that this
/// line break ends a record (and is not inside a quoted field) is checked, not assumed: it holds only when the
/// caller's reader ends a record exactly at the boundary (<see cref="Joins"/>): a sequential reader then starts its
/// next record there with nothing carried over but line and row counts, which only errors show. When the guess
/// fails, or the second thread met any error, its part is dropped and the caller simply reads on: the result, and
/// every error message, are those of one sequential pass.
/// </summary>
/// <typeparam name="TPart">What the second thread accumulates.</typeparam>
internal sealed class CsvHalves<TPart> : IDisposable
    where TPart : class
{
    // Smaller files are read on one thread (starting a second reader costs more than it saves).
    private const long MinBytes = 1 << 22;

    // How far past the middle a line break is looked for.
    private const int SearchBytes = 1 << 20;

    private readonly string _path;
    private readonly Thread _thread;
    private volatile bool _stop;
    private TPart? _part;
    private IReadOnlyList<string> _keys = [];

    private CsvHalves(string path, long boundary, Func<PredictionReader> open, Func<TPart> create, Action<PredictionReader, TPart> add)
    {
        _path = path;
        Boundary = boundary;
        _thread = new Thread(() => Run(open, create, add)) { IsBackground = true, Name = "fairness-guard second half" };
        _thread.Start();
    }

    /// <summary>The byte offset where the second half starts (just after a line break).</summary>
    public long Boundary { get; }

    /// <summary>
    /// Starts the second half of <paramref name="reader"/>'s file (opened again by <paramref name="open"/>), or
    /// returns null when the file is small, not seekable, the machine has one core, or no line break is near the middle.
    /// </summary>
    /// <param name="reader">The caller's reader, its header read.</param>
    /// <param name="open">Opens the same file with the same settings.</param>
    /// <param name="create">Makes the second half's empty part.</param>
    /// <param name="add">Adds the reader's current row to the part.</param>
    public static CsvHalves<TPart>? Start(PredictionReader reader, Func<PredictionReader> open, Func<TPart> create, Action<PredictionReader, TPart> add)
    {
        if (Environment.ProcessorCount < 2 || reader.Length < MinBytes || reader.PassThrough is not null)
        {
            return null;
        }

        var start = reader.Position;
        var middle = start + ((reader.Length - start) / 2);
        long next;
        try
        {
            using var probe = new FileStream(reader.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            next = LineStarts.After(probe, middle, new byte[SearchBytes]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (next < 0 || next >= reader.Length)
        {
            return null;
        }

        return new CsvHalves<TPart>(reader.Path, next, open, create, add);
    }

    /// <summary>
    /// Called once the caller's reader has reached or passed <see cref="Boundary"/> after a record: when it ended that
    /// record exactly there and the second half read cleanly, returns its part and its readers' distinct group keys;
    /// else stops the second thread and returns null (read on).
    /// </summary>
    /// <param name="position">The caller's reader's position after its current record.</param>
    public (TPart Part, IReadOnlyList<string> Keys)? Joins(long position)
    {
        if (position != Boundary)
        {
            Dispose();
            return null;
        }

        _thread.Join();
        if (_part is not { } part)
        {
            return null;
        }

        CsvHalvesCount.Joined.AddOrUpdate(_path, 1, (_, n) => n + 1);
        return (part, _keys);
    }

    /// <summary>Stops the second thread and waits for it.</summary>
    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Run(Func<PredictionReader> open, Func<TPart> create, Action<PredictionReader, TPart> add)
    {
        try
        {
            using var reader = open();
            reader.SeekTo(Boundary);
            var part = create();
            while (reader.Read())
            {
                add(reader, part);
                if ((reader.RowIndex & 0xFFF) == 0 && (_stop || Commands.CliCancellation.Token.IsCancellationRequested))
                {
                    return;
                }
            }

            _keys = [.. reader.GroupKeys];
            _part = part;
        }
#pragma warning disable CA1031 // Any failure drops the guess: the caller reads on and meets the same problem itself.
        catch (Exception)
#pragma warning restore CA1031
        {
            _part = null;
        }
    }
}

/// <summary>How often each file was read in two halves (for tests: the parallel path was taken).</summary>
internal static class CsvHalvesCount
{
    /// <summary>Joins so far in this process, by path.</summary>
    internal static readonly ConcurrentDictionary<string, int> Joined = new(StringComparer.Ordinal);

    /// <summary>The joins of <paramref name="path"/> so far.</summary>
    internal static int Of(string path) => Joined.GetValueOrDefault(path);
}
