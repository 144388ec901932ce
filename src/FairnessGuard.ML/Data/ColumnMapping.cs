using Microsoft.ML;
using Microsoft.ML.Data;

namespace FairnessGuard.ML.Data;

/// <summary>
/// A row-to-row mapping bound to one input schema: it appends output columns computed from input columns of
/// the same row (an output with an input column's name hides it, as ML.NET's own transforms do).
/// </summary>
internal abstract class ColumnMapping
{
    protected ColumnMapping(DataViewSchema inputSchema) => InputSchema = inputSchema;

    /// <summary>The schema the mapping is bound to.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>The appended columns, in order.</summary>
    public abstract IReadOnlyList<DataViewSchema.DetachedColumn> Outputs { get; }

    /// <summary>The input columns the active outputs read.</summary>
    public abstract IEnumerable<DataViewSchema.Column> Dependencies(bool[] activeOutputs);

    /// <summary>One getter per output (null when inactive) reading from <paramref name="input"/>.</summary>
    public abstract Delegate?[] CreateGetters(DataViewRow input, bool[] activeOutputs);

    /// <summary>The input schema with the outputs appended.</summary>
    public DataViewSchema BuildOutputSchema()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(InputSchema);
        foreach (var column in Outputs)
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        return builder.ToSchema();
    }
}

/// <summary>The <see cref="IDataView"/> of a <see cref="ColumnMapping"/> over a source view: lazy, cursor by cursor.</summary>
internal sealed class MappedDataView : IDataView
{
    private readonly IDataView _source;
    private readonly ColumnMapping _mapping;

    public MappedDataView(IDataView source, ColumnMapping mapping)
    {
        _source = source;
        _mapping = mapping;
        Schema = mapping.BuildOutputSchema();
    }

    public bool CanShuffle => _source.CanShuffle;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var (inputColumns, active) = MappedRows.Plan(_mapping, columnsNeeded);
        return new MappedCursor(_source.GetRowCursor(inputColumns, rand), _mapping, Schema, active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}

/// <summary>The <see cref="IRowToRowMapper"/> of a <see cref="ColumnMapping"/>, for PredictionEngine and composed chains.</summary>
internal sealed class MappedRowToRowMapper : IRowToRowMapper
{
    private readonly ColumnMapping _mapping;

    public MappedRowToRowMapper(ColumnMapping mapping)
    {
        _mapping = mapping;
        OutputSchema = mapping.BuildOutputSchema();
    }

    public DataViewSchema InputSchema => _mapping.InputSchema;

    public DataViewSchema OutputSchema { get; }

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        MappedRows.Plan(_mapping, dependingColumns).Inputs;

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        var (_, active) = MappedRows.Plan(_mapping, activeColumns);
        return new MappedRow(input, _mapping, OutputSchema, active);
    }
}

internal static class MappedRows
{
    public static (List<DataViewSchema.Column> Inputs, bool[] Active) Plan(ColumnMapping mapping, IEnumerable<DataViewSchema.Column> needed)
    {
        var inputCount = mapping.InputSchema.Count;
        var active = new bool[mapping.Outputs.Count];
        var inputs = new HashSet<int>();
        foreach (var column in needed)
        {
            if (column.Index < inputCount)
            {
                inputs.Add(column.Index);
            }
            else if (column.Index - inputCount < active.Length)
            {
                active[column.Index - inputCount] = true;
            }
        }

        foreach (var column in mapping.Dependencies(active))
        {
            inputs.Add(column.Index);
        }

        var list = new List<DataViewSchema.Column>(inputs.Count);
        foreach (var index in inputs.Order())
        {
            list.Add(mapping.InputSchema[index]);
        }

        return (list, active);
    }
}

/// <summary>
/// A row of a <see cref="ColumnMapping"/>: the input's columns as they are, the mapping's outputs from its getters.
/// <see cref="MappedCursor"/> moves one of these over a cursor (ML.NET's row and cursor are different base classes).
/// </summary>
internal sealed class MappedRow : DataViewRow
{
    private readonly DataViewRow _input;
    private readonly Delegate?[] _getters;
    private readonly bool[] _active;

    public MappedRow(DataViewRow input, ColumnMapping mapping, DataViewSchema schema, bool[] active)
    {
        _input = input;
        _active = active;
        Schema = schema;
        _getters = mapping.CreateGetters(input, active);
    }

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override DataViewSchema Schema { get; }

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        var inputCount = _input.Schema.Count;
        if (column.Index < inputCount)
        {
            return _input.GetGetter<TValue>(_input.Schema[column.Index]);
        }

        var j = column.Index - inputCount;
        if (!_active[j] || _getters[j] is not ValueGetter<TValue> getter)
        {
            throw new InvalidOperationException(
                $"Column '{column.Name}' is not active or is not of type {typeof(TValue).Name}; request it when creating the cursor.");
        }

        return getter;
    }

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) =>
        column.Index < _input.Schema.Count ? _input.IsColumnActive(_input.Schema[column.Index]) : _active[column.Index - _input.Schema.Count];
}

/// <summary>A cursor of a <see cref="ColumnMapping"/>: the input cursor's movement, the <see cref="MappedRow"/>'s columns.</summary>
internal sealed class MappedCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _input;
    private readonly MappedRow _row;
    private bool _disposed;

    public MappedCursor(DataViewRowCursor input, ColumnMapping mapping, DataViewSchema schema, bool[] active)
    {
        _input = input;
        _row = new MappedRow(input, mapping, schema, active);
    }

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override DataViewSchema Schema => _row.Schema;

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _row.GetGetter<TValue>(column);

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _row.IsColumnActive(column);

    public override bool MoveNext() => _input.MoveNext();

    protected override void Dispose(bool disposing)
    {
        if (!_disposed && disposing)
        {
            _input.Dispose();
            _disposed = true;
        }

        base.Dispose(disposing);
    }
}
