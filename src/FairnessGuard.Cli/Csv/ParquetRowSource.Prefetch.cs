namespace FairnessGuard.Cli.Csv;

/// <summary>
/// Prefetching for the audits: Parquet.Net decodes a string column into one new string a row, which costs more
/// than everything else an audit does with the row. With prefetching, two helper readers (each its own file
/// stream) decode alternate row groups on two threads, at most two ahead of the one being read; the group keys
/// are interned in one shared table, so a key is one string whichever thread met it. Rows, values and errors
/// (a row group's error surfaces when that row group is reached) are those of reading one row group after another.
/// </summary>
internal sealed partial class ParquetRowSource
{
    private const int Ahead = 2;

    private bool _prefetch;
    private ParquetRowSource[]? _helpers;
    private Task<RowGroupColumns>?[] _pending = [];
    private long[] _rowsBeforeGroup = [];

    private (string?[][] Groups, double[] Scores, double[]? Labels, int Length) Prefetched(int index)
    {
        if (_helpers is null)
        {
            _helpers = new ParquetRowSource[Ahead];
            for (var h = 0; h < Ahead; h++)
            {
                _helpers[h] = Open(Path, _spec);
                _helpers[h]._interned = _interned;
            }

            var count = _reader.RowGroupCount;
            _pending = new Task<RowGroupColumns>?[count];
            _rowsBeforeGroup = new long[count];
            for (var g = 1; g < count; g++)
            {
                using var group = _reader.OpenRowGroupReader(g - 1);
                _rowsBeforeGroup[g] = _rowsBeforeGroup[g - 1] + group.RowCount;
            }

            for (var g = 0; g < Math.Min(Ahead, count); g++)
            {
                Start(g);
            }
        }

        var columns = _pending[index]!.GetAwaiter().GetResult();
        _pending[index] = null;
        if (index + Ahead < _pending.Length)
        {
            Start(index + Ahead);
        }

        return (columns.Groups, columns.Scores, columns.Labels, columns.Length);
    }

    // Row group g is decoded by helper g mod 2; it starts once g − 2 (the same helper's last) has been taken.
    private void Start(int index)
    {
        var helper = _helpers![index % Ahead];
        var rowsBefore = _rowsBeforeGroup[index];
        _pending[index] = Task.Factory.StartNew(() => helper.Decode(index, rowsBefore), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private RowGroupColumns Decode(int index, long rowsBefore)
    {
        _rowsBefore = rowsBefore;
        _rowGroup = index;
        using var group = _reader.OpenRowGroupReader(index);
        _length = checked((int)group.RowCount);
        var groups = _groupFields.Select(f => Texts(group, f)).ToArray();
        var scores = Numbers(group, _scoreField, label: false);
        var labels = _labelField is null ? null : Numbers(group, _labelField, label: true);
        return new RowGroupColumns(groups, scores, labels, _length);
    }

    private void StopPrefetch()
    {
        if (_helpers is null)
        {
            return;
        }

        foreach (var task in _pending)
        {
            // A row group decoded ahead and never reached: its outcome, error or not, is not the caller's.
            ((IAsyncResult?)task)?.AsyncWaitHandle.WaitOne();
        }

        foreach (var helper in _helpers)
        {
            helper.Dispose();
        }

        _helpers = null;
    }

    private sealed record RowGroupColumns(string?[][] Groups, double[] Scores, double[]? Labels, int Length);
}
