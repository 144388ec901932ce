using System.Runtime.ExceptionServices;
using FairnessGuard.Cli.Csv;

namespace FairnessGuard.Cli.Audit;

/// <summary>
/// The sketched audit of a large CSV on two cores, with the sketches a single sequential pass gives. The file is cut
/// into chunks of about 1 MB at line breaks; two threads (the caller's and one more) take turns parsing the next chunk
/// into per-group score runs and feeding parsed runs into the group sketches. Each group's sketch takes its chunks'
/// runs in file order, one thread at a time, and groups are registered in order of first appearance: every sketch
/// sees the same values in the same order, so the figures are identical to one thread's.
/// <para>
/// A cut is only a guess at a record start (a line break may sit inside a quoted field). Chunk 0 starts at the first
/// record; a chunk parsed from a true start that ends a record exactly at its end proves the next cut true, so chunks
/// are taken in order only while each parses cleanly to its end. At the first chunk that does not (an error, a quote
/// across the cut, too many groups), the parallel pass stops and <see cref="Run"/> returns that chunk's start (a true
/// record start, with its line and record numbers) for a sequential pass to continue: its rows, values and errors are
/// then those of one pass. Chunks parsed past that point are dropped.
/// </para>
/// </summary>
internal sealed partial class SketchChunks
{
    /// <summary>Smaller files are read on one thread (a second costs more than it saves).</summary>
    public const long MinBytes = 1 << 22;

    /// <summary>More distinct groups than this end the parallel pass (per-group runs would be tiny).</summary>
    public const int MaxGroups = 64;

    /// <summary>For tests, by path: the chunks of the last parallel pass taken in parallel, and all its chunks.</summary>
    internal static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Taken, int Chunks)> Taken = new(StringComparer.Ordinal);

    private const long ChunkBytes = 1 << 20;
    private const long TailBytes = 1 << 22;
    private const long TailChunkBytes = 1 << 18;
    private const int SearchBytes = 1 << 16;
    private const int MaxInFlight = 8;

    private readonly object _gate = new();
    private readonly SketchState _state;
    private readonly PredictionReader _reader;
    private readonly Func<PredictionReader> _open;
    private readonly long[] _bounds;
    private readonly Chunk?[] _parsed;
    private readonly Dictionary<SketchState.GroupState, GroupWork> _work = new(ReferenceEqualityComparer.Instance);
    private readonly Queue<GroupWork> _ready = new();
    private int _nextParse;
    private int _parsing;
    private int _applying;
    private int _inFlight;
    private int _sequenced;
    private int _fallback = -1;
    private long _line;
    private long _row;
    private ExceptionDispatchInfo? _failure;

    private SketchChunks(PredictionReader reader, SketchState state, Func<PredictionReader> open, long[] bounds)
    {
        _reader = reader;
        _state = state;
        _open = open;
        _bounds = bounds;
        _parsed = new Chunk?[bounds.Length - 1];
        _line = reader.NextLine;
    }

    /// <summary>Where a sequential pass continues: a record start, its file line and its 0-based data record.</summary>
    /// <param name="Offset">The byte offset.</param>
    /// <param name="Line">The file line of the record there.</param>
    /// <param name="Row">The 0-based data record there.</param>
    public readonly record struct Resume(long Offset, long Line, long Row);

    /// <summary>
    /// Reads <paramref name="reader"/>'s file (its header read, nothing else) into <paramref name="state"/> on two
    /// cores as far as the chunks prove clean, and returns where a sequential pass continues (the end of the file
    /// when all went well); null when the file is not read in chunks (small, not seekable, or one core).
    /// </summary>
    /// <param name="reader">The caller's reader, its header read; used for parsing and left positioned anywhere.</param>
    /// <param name="state">The state the rows go to (empty).</param>
    /// <param name="open">Opens the same file with the same settings (for the second thread).</param>
    /// <param name="progress">Told the bytes done and the file length now and then; may be null.</param>
    public static Resume? Run(PredictionReader reader, SketchState state, Func<PredictionReader> open, Action<long, long>? progress)
    {
        if (Environment.ProcessorCount < 2 || reader.Length < MinBytes || reader.PassThrough is not null || reader.RowIndex >= 0)
        {
            return null;
        }

        var bounds = Bounds(reader.Path, reader.Position, reader.Length);
        if (bounds is null)
        {
            return null;
        }

        var chunks = new SketchChunks(reader, state, open, bounds);
        var helper = new Thread(() => chunks.Work(main: false, null)) { IsBackground = true, Name = "fairness-guard sketch chunks" };
        helper.Start();
        chunks.Work(main: true, progress);
        helper.Join();
        chunks._failure?.Throw();
        var at = chunks._fallback < 0 ? bounds.Length - 1 : chunks._fallback;
        Taken[reader.Path] = (at, bounds.Length - 1);
        return new Resume(bounds[at], chunks._line, chunks._row);
    }

    // The caller's thread (main) parses with the caller's reader, checks for cancellation and reports progress.
    private void Work(bool main, Action<long, long>? progress)
    {
        PredictionReader? reader = null;
        try
        {
            while (true)
            {
                if (main)
                {
                    Commands.CliCancellation.ThrowIfCancelled();
                }

                GroupWork? apply = null;
                List<(Chunk Chunk, int Local)>? runs = null;
                var parse = -1;
                lock (_gate)
                {
                    while (apply is null && parse < 0)
                    {
                        if (_failure is not null)
                        {
                            return;
                        }

                        if (_ready.TryDequeue(out apply))
                        {
                            (runs, apply.Pending, apply.Busy) = (apply.Pending, [], true);
                            _applying++;
                        }
                        else if (_fallback < 0 && _nextParse < _parsed.Length && _inFlight < MaxInFlight)
                        {
                            parse = _nextParse++;
                            _parsing++;
                            _inFlight++;
                        }
                        else if (_parsing == 0 && _applying == 0 && (_fallback >= 0 || _nextParse == _parsed.Length))
                        {
                            return;
                        }
                        else
                        {
                            Monitor.Wait(_gate);
                        }
                    }
                }

                if (apply is not null)
                {
                    Apply(apply, runs!);
                }
                else
                {
                    reader ??= main ? _reader : _open();
                    var chunk = Parse(reader, parse);
                    lock (_gate)
                    {
                        _parsing--;
                        _parsed[parse] = chunk;
                        Sequence();
                        Monitor.PulseAll(_gate);
                    }
                }

                progress?.Invoke(_bounds[Volatile.Read(ref _sequenced)], _bounds[^1]);
            }
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _failure ??= ExceptionDispatchInfo.Capture(ex);
                Monitor.PulseAll(_gate);
            }
        }
        finally
        {
            if (!main)
            {
                reader?.Dispose();
            }
        }
    }

    // Under the gate: takes the parsed chunks in order while each is clean, registering groups in order of appearance.
    private void Sequence()
    {
        while (_fallback < 0 && _sequenced < _parsed.Length && _parsed[_sequenced] is { } chunk)
        {
            _parsed[_sequenced] = null;
            if (!chunk.Clean)
            {
                _fallback = _sequenced;
                break;
            }

            _state.Rows += chunk.Rows;
            _state.MissingGroup += chunk.MissingGroup;
            _state.NonFinite += chunk.NonFinite;
            for (var local = 0; local < chunk.Keys.Count; local++)
            {
                var group = _state.Group(chunk.Keys[local]);
                if (chunk.Count(local) == 0)
                {
                    continue;
                }

                if (!_work.TryGetValue(group, out var work))
                {
                    _work[group] = work = new GroupWork(group);
                }

                work.Pending.Add((chunk, local));
                chunk.Remaining++;
                if (!work.Busy && work.Pending.Count == 1)
                {
                    _ready.Enqueue(work);
                }
            }

            if (chunk.Remaining == 0)
            {
                chunk.Release();
                _inFlight--;
            }

            _line += chunk.Lines;
            _row += chunk.Records;
            _sequenced++;
            if (_state.Groups.Count > MaxGroups)
            {
                _fallback = _sequenced;
            }
        }
    }

    private void Apply(GroupWork work, List<(Chunk Chunk, int Local)> runs)
    {
        foreach (var (chunk, local) in runs)
        {
            _state.AddRange(work.Group, chunk.Scores(local));
        }

        lock (_gate)
        {
            _applying--;
            work.Busy = false;
            foreach (var (chunk, _) in runs)
            {
                if (--chunk.Remaining == 0)
                {
                    chunk.Release();
                    _inFlight--;
                }
            }

            if (work.Pending.Count > 0)
            {
                _ready.Enqueue(work);
            }

            Monitor.PulseAll(_gate);
        }
    }

    private sealed class GroupWork(SketchState.GroupState group)
    {
        public SketchState.GroupState Group { get; } = group;

        public List<(Chunk Chunk, int Local)> Pending { get; set; } = [];

        public bool Busy { get; set; }
    }
}
