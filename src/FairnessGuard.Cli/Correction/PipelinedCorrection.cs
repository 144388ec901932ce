using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using FairnessGuard.Cli.Csv;

namespace FairnessGuard.Cli.Correction;

/// <summary>
/// <c>correct --mode online</c>, CSV to CSV, on three threads: a reader thread tokenizes the file into
/// <see cref="RowBatch"/>es (records copied through, group and score parsed), the calling thread runs the guard
/// over each batch's rows in file order (so the replay, and every output, is that of one thread), and a writer
/// thread formats and writes each batch while the next ones are read and corrected. A few batches circulate
/// (<see cref="BatchesInFlight"/>), so memory stays flat. The bytes are those of the one-thread streaming path
/// (<see cref="PredictionWriter"/> writes both). A record too long to hold (over <see cref="RecordStore.MaxRecordBytes"/>)
/// stops the pipeline; the caller then streams the file from the start on one thread.
/// </summary>
internal sealed class PipelinedCorrection : IDisposable
{
    /// <summary>Batches circulating between the three threads.</summary>
    private const int BatchesInFlight = 4;

    private readonly PredictionReader _reader;
    private readonly PredictionWriter _writer;
    private readonly BlockingCollection<RowBatch> _free = new(BatchesInFlight);
    private readonly BlockingCollection<RowBatch> _read = new(BatchesInFlight);
    private readonly BlockingCollection<RowBatch> _corrected = new(BatchesInFlight);

    // Stops every thread: a writer's error, the end of the run, or the command's cancellation (Ctrl+C).
    private readonly CancellationTokenSource _abort = CancellationTokenSource.CreateLinkedTokenSource(Commands.CliCancellation.Token);
    private readonly Thread _readerThread;
    private readonly Thread _writerThread;
    private ExceptionDispatchInfo? _readerError;
    private ExceptionDispatchInfo? _writerError;
    private volatile bool _tooLong;

    private PipelinedCorrection(PredictionReader reader, PredictionWriter writer)
    {
        _reader = reader;
        _writer = writer;
        for (var i = 0; i < BatchesInFlight; i++)
        {
            _free.Add(new RowBatch());
        }

        _readerThread = new Thread(ReadAll) { IsBackground = true, Name = "fairness-guard correct reader" };
        _writerThread = new Thread(WriteAll) { IsBackground = true, Name = "fairness-guard correct writer" };
    }

    /// <summary>How often each input was corrected on three threads to the end, in this process (for tests: the path was taken).</summary>
    internal static ConcurrentDictionary<string, int> Completed { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="settings"/> take this path: online, CSV to CSV, two cores or more, and an input that can be
    /// read again (a regular, non-empty file; not a pipe), since a record too long to hold restarts it on one thread.
    /// </summary>
    public static bool Applies(CorrectSettings settings) =>
        settings.Mode == CorrectionMode.Online && !settings.Sequential && !settings.ParquetInput && !settings.ParquetOutput && Environment.ProcessorCount > 1
        && new FileInfo(settings.Path) is { Exists: true, Length: > 0 };

    /// <summary>Runs the correction into <paramref name="settings"/>' output (atomically); null when a record is too long to hold (stream instead).</summary>
    /// <exception cref="CsvInputException">Bad input; the output file was not created or changed.</exception>
    public static CorrectSummary? Run(CorrectSettings settings, Action<long, long>? progress)
    {
        using var reader = PredictionReader.Open(settings.Path, settings.Columns, settings.Encoding, settings.DecimalComma);
        var fairColumn = CorrectRunner.FairColumn(reader, settings.Path);
        using var corrector = new OnlineRowCorrector(settings.Strength, settings.Seed, settings.WarmUp);
        CorrectSummary? summary = null;
        try
        {
            AtomicFile.WriteBytes(settings.OutputPath, stream =>
            {
                var writer = new PredictionWriter(stream, reader, fairColumn);
                using var pipeline = new PipelinedCorrection(reader, writer);
                summary = pipeline.Correct(corrector, fairColumn, progress) ?? throw new RecordTooLongException();
                writer.Complete();
            });
        }
        catch (RecordTooLongException)
        {
            return null;
        }

        Completed.AddOrUpdate(settings.Path, 1, (_, n) => n + 1);
        return summary;
    }

    /// <summary>Stops the reader and writer threads and waits for them.</summary>
    public void Dispose()
    {
        _abort.Cancel();
        foreach (var thread in new[] { _readerThread, _writerThread })
        {
            if (thread.ThreadState != ThreadState.Unstarted)
            {
                thread.Join();
            }
        }

        _abort.Dispose();
        _free.Dispose();
        _read.Dispose();
        _corrected.Dispose();
    }

    // The guard's thread: every row in file order, then the writer drained.
    private CorrectSummary? Correct(IRowCorrector corrector, string fairColumn, Action<long, long>? progress)
    {
        _readerThread.Start();
        _writerThread.Start();
        var tally = default(CorrectionTally);
        long rows = 0;
        try
        {
            foreach (var batch in _read.GetConsumingEnumerable(_abort.Token))
            {
                Commands.CliCancellation.ThrowIfCancelled();
                for (var i = 0; i < batch.Count; i++)
                {
                    var (score, group) = (batch.Scores[i], batch.Groups[i]);
                    if (!tally.Correctable(group, score))
                    {
                        continue;
                    }

                    var fair = corrector.Correct(score, group, batch.FirstRow + i);
                    batch.Scores[i] = fair;
                    tally.Corrected(score, fair);
                }

                rows += batch.Count;
                if (progress is not null && ((batch.FirstRow & 0xFFFF) == 0 || (batch.FirstRow >> 16) != ((rows - 1) >> 16)))
                {
                    // As the streaming path reports: once for each batch holding row 0, 65,536, 131,072, …
                    progress(batch.Position, _reader.Length);
                }

                _corrected.Add(batch, _abort.Token);
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // The writer failed or the command was cancelled: thrown below.
        }

        _readerError?.Throw();
        Commands.CliCancellation.ThrowIfCancelled();
        if (_tooLong)
        {
            return null;
        }

        _corrected.CompleteAdding();
        _writerThread.Join();
        _writerError?.Throw();
        return tally.Summary(fairColumn);
    }

    private void ReadAll()
    {
        try
        {
            var batch = _free.Take(_abort.Token);
            batch.Reset(0);

            // One copy buffer for every batch: directed to the next batch's store as one closes.
            var copy = new OutputBuffer(batch.Records);
            var start = 0L;
            _reader.PassThrough = copy;
            while (_reader.Read())
            {
                if (!batch.Add(_reader, copy.Written - start))
                {
                    _tooLong = true;
                    return;
                }

                if (batch.Full)
                {
                    var next = _free.Take(_abort.Token);
                    next.Reset(_reader.RowIndex + 1);
                    copy.Redirect(next.Records);
                    start = copy.Written;
                    batch.Position = _reader.Position;
                    _read.Add(batch, _abort.Token);

                    batch = next;
                }
            }

            copy.Flush();
            batch.Position = _reader.Position;
            if (batch.Count > 0)
            {
                _read.Add(batch, _abort.Token);
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Any error is the run's: the guard's thread throws it once the rows before it are done.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _readerError = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            _reader.PassThrough = null;
            _read.CompleteAdding();
        }
    }

    private void WriteAll()
    {
        try
        {
            foreach (var batch in _corrected.GetConsumingEnumerable(_abort.Token))
            {
                batch.WriteTo(_writer);
                _free.Add(batch, _abort.Token);
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // An I/O error is the run's: the guard's thread throws it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _writerError = ExceptionDispatchInfo.Capture(ex);
            _abort.Cancel();
        }
    }

    // Unwinds the atomic write (its temporary file deleted) when a record is too long to hold.
    private sealed class RecordTooLongException : Exception
    {
    }
}
