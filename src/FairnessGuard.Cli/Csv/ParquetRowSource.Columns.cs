using System.Runtime.ExceptionServices;
using Parquet;
using Parquet.Schema;

namespace FairnessGuard.Cli.Csv;

/// <summary>The whole group, score and label columns of a Parquet file, for the exact audit.</summary>
/// <param name="Groups">Each row's group key (one string per distinct key), null where a group column is missing.</param>
/// <param name="Scores">Each row's score, NaN where missing.</param>
/// <param name="Labels">Each row's label (NaN where missing), when a label column was named.</param>
/// <param name="ScoreName">The score column's name.</param>
internal sealed record ParquetAuditColumns(string?[] Groups, double[] Scores, double[]? Labels, string ScoreName);

/// <content>
/// The exact audit's read: the row groups are decoded on two threads (each its own file stream) straight into
/// whole-file columns at their rows' places, only the named columns, one row group per thread at a time. Values,
/// keys and errors are those of <see cref="Read"/> row after row: the error reported is that of the first failing
/// row group in file order.
/// </content>
internal sealed partial class ParquetRowSource
{
    /// <summary>Reads the named columns of every row.</summary>
    /// <param name="path">The file.</param>
    /// <param name="spec">The columns.</param>
    /// <param name="progress">Told the rows decoded and the total now and then; may be null.</param>
    /// <exception cref="CsvInputException">The file or a column cannot be read.</exception>
    public static ParquetAuditColumns ReadColumns(string path, ColumnSpec spec, Action<long, long>? progress)
    {
        using var first = Open(path, spec);
        var count = first._reader.RowGroupCount;
        var starts = new long[count + 1];
        for (var g = 0; g < count; g++)
        {
            using var rowGroup = first._reader.OpenRowGroupReader(g);
            starts[g + 1] = starts[g] + rowGroup.RowCount;
        }

        var total = checked((int)starts[count]);
        var columns = new ParquetAuditColumns(
            new string?[total],
            GC.AllocateUninitializedArray<double>(total),
            spec.Label is null ? null : GC.AllocateUninitializedArray<double>(total),
            first.ScoreName);
        var failures = new ExceptionDispatchInfo?[count];
        var next = -1;
        var failedAt = count;
        long done = 0;

        void Work(ParquetRowSource source, bool main)
        {
            for (var g = Interlocked.Increment(ref next); g < Volatile.Read(ref failedAt); g = Interlocked.Increment(ref next))
            {
                try
                {
                    if (main)
                    {
                        Commands.CliCancellation.ThrowIfCancelled();
                    }

                    source.DecodeInto(g, starts[g], columns);
                    var rows = Interlocked.Add(ref done, starts[g + 1] - starts[g]);
                    if (main)
                    {
                        progress?.Invoke(rows, total);
                    }
                }
                catch (Exception ex)
                {
                    failures[g] = ExceptionDispatchInfo.Capture(ex);
                    for (var seen = Volatile.Read(ref failedAt); g < seen; seen = Volatile.Read(ref failedAt))
                    {
                        Interlocked.CompareExchange(ref failedAt, g, seen);
                    }
                }
            }
        }

        Thread? helper = null;
        ParquetRowSource? second = null;
        if (count > 1 && Environment.ProcessorCount > 1)
        {
            second = Open(path, spec);
            second._interned = first._interned;
            helper = new Thread(() => Work(second, main: false)) { IsBackground = true, Name = "fairness-guard parquet columns" };
            helper.Start();
        }

        try
        {
            Work(first, main: true);
        }
        finally
        {
            helper?.Join();
            second?.Dispose();
        }

        Array.Find(failures, f => f is not null)?.Throw();
        return columns;
    }

    // Decodes row group g into the columns from row rowsBefore: the group columns, then the score, then the label.
    private void DecodeInto(int g, long rowsBefore, ParquetAuditColumns columns)
    {
        _rowsBefore = rowsBefore;
        _rowGroup = g;
        using var group = _reader.OpenRowGroupReader(g);
        _length = checked((int)group.RowCount);
        var offset = checked((int)rowsBefore);
        if (_groupFields.Length == 1)
        {
            if (!RawTexts(group, _groupFields[0], columns.Groups, offset))
            {
                BoxedTexts(group, _groupFields[0]).CopyTo(columns.Groups, offset);
            }
        }
        else
        {
            _groups = _groupFields.Select(f => Texts(group, f)).ToArray();
            for (_index = 0; _index < _length; _index++)
            {
                columns.Groups[offset + _index] = Group();
            }
        }

        NumbersInto(group, _scoreField, columns.Scores, offset, label: false);
        if (_labelField is not null)
        {
            NumbersInto(group, _labelField, columns.Labels!, offset, label: true);
        }
    }

    private void NumbersInto(ParquetRowGroupReader group, DataField field, double[] into, int offset, bool label)
    {
        if (field.ClrType == typeof(double) && field.IsNullable && RawDoubles(group, field, into, offset))
        {
            return;
        }

        Numbers(group, field, label).CopyTo(into, offset);
    }
}
