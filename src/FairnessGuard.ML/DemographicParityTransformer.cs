using FairnessGuard.ML.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FairnessGuard.ML;

/// <summary>
/// The fitted demographic-parity correction: maps each row's score through the exact Wasserstein-barycenter
/// map of its group (Chzhen et al., NeurIPS 2020), and in place also the probability, re-deriving the
/// predicted label at the same threshold. Works in transformer chains and in <c>PredictionEngine</c>.
/// </summary>
/// <remarks>
/// ML.NET 5 has no public loader for custom transformers (its model load context and loadable-class
/// registration are internal), so <c>mlContext.Model.Save</c> cannot store this one: save and load the whole
/// chain with <see cref="FairnessCatalog.SaveModel(ITransformer, DataViewSchema, string)"/> and <see cref="FairnessCatalog.LoadModel(string, out DataViewSchema)"/>.
/// </remarks>
public sealed class DemographicParityTransformer : ITransformer
{
    internal DemographicParityTransformer(DemographicParityModel model) => Model = model;

    internal DemographicParityModel Model { get; }

    /// <summary>The settings the correction was fitted with.</summary>
    public DemographicParityOptions Options => Model.Options.Validated();

    /// <summary>The groups of the first (or only) stage, by cell: a value, or "value &amp; value" for an intersection.</summary>
    public IReadOnlyList<string> Groups => Model.Stages[0].Groups;

    /// <summary>The number of calibration rows the map was fitted on.</summary>
    public int CalibrationRows => Model.Scores.Length;

    /// <summary>The rows seen so far whose group was missing or not seen in calibration (they got the fallback).</summary>
    public long UnseenGroupRows => Model.UnseenGroupRows;

    /// <summary>Always true: the correction is row by row.</summary>
    public bool IsRowToRowMapper => true;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Bind(inputSchema).BuildOutputSchema();

    /// <inheritdoc/>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => new MappedRowToRowMapper(Bind(inputSchema));

    /// <inheritdoc/>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new MappedDataView(input, Bind(input.Schema));
    }

    /// <summary>Not supported by ML.NET's public API; use <see cref="FairnessCatalog.SaveModel(ITransformer, DataViewSchema, string)"/>.</summary>
    /// <param name="ctx">Unused.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) => throw new NotSupportedException(FairnessCatalog.SaveHint);

    private DemographicParityMapping Bind(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new DemographicParityMapping(schema, Model);
    }
}

internal sealed class DemographicParityMapping : ColumnMapping
{
    private readonly DemographicParityModel _model;
    private readonly DataViewSchema.Column _score;
    private readonly DataViewSchema.Column[] _groups;
    private readonly DataViewSchema.Column? _probability;
    private readonly bool _hasLabel;
    private readonly DataViewSchema.DetachedColumn[] _outputs;

    public DemographicParityMapping(DataViewSchema schema, DemographicParityModel model)
        : base(schema)
    {
        _model = model;
        var o = model.Options;
        _score = Require(schema, o.ScoreColumnName, "score");
        if (_score.Type != NumberDataViewType.Single && _score.Type != NumberDataViewType.Double)
        {
            throw new ArgumentException($"Score column '{o.ScoreColumnName}' has type {_score.Type}; it must be a Single or Double scalar.", nameof(schema));
        }

        _groups = new DataViewSchema.Column[o.GroupColumnNames.Count];
        for (var c = 0; c < _groups.Length; c++)
        {
            _groups[c] = Require(schema, o.GroupColumnNames[c], "group");
            var kind = GroupVocabulary.KindOf(_groups[c]);
            if (kind != model.Vocabularies[c].Kind)
            {
                throw new ArgumentException($"Group column '{_groups[c].Name}' was {model.Vocabularies[c].Kind} in calibration but is {kind} now.", nameof(schema));
            }
        }

        var outputs = new List<DataViewSchema.DetachedColumn> { new(o.OutputColumnName ?? o.ScoreColumnName, _score.Type) };
        if (o.InPlace)
        {
            if (model.Probabilities is not null && schema.GetColumnOrNull(o.ProbabilityColumnName) is { } p && p.Type == NumberDataViewType.Single)
            {
                _probability = p;
                outputs.Add(new DataViewSchema.DetachedColumn(p.Name, p.Type, p.Annotations));
            }

            if (schema.GetColumnOrNull(o.PredictedLabelColumnName) is { } label && label.Type is BooleanDataViewType)
            {
                _hasLabel = true;
                outputs.Add(new DataViewSchema.DetachedColumn(label.Name, label.Type, label.Annotations));
            }
        }

        _outputs = [.. outputs];
    }

    public override IReadOnlyList<DataViewSchema.DetachedColumn> Outputs => _outputs;

    public override IEnumerable<DataViewSchema.Column> Dependencies(bool[] activeOutputs)
    {
        if (!activeOutputs.Contains(true))
        {
            yield break;
        }

        yield return _score;
        foreach (var g in _groups)
        {
            yield return g;
        }

        if (_probability is { } p && activeOutputs[1])
        {
            yield return p;
        }
    }

    public override Delegate?[] CreateGetters(DataViewRow input, bool[] activeOutputs)
    {
        var getters = new Delegate?[_outputs.Length];
        if (!activeOutputs.Contains(true))
        {
            return getters;
        }

        // The probability column is a dependency only while its output is active.
        var probability = _probability is not null && activeOutputs[1] ? _probability : null;
        var labelActive = _hasLabel && activeOutputs[^1];
        var row = new RowCorrector(_model, input, _score, _groups, probability, labelActive);
        if (activeOutputs[0])
        {
            getters[0] = _score.Type == NumberDataViewType.Single
                ? (ValueGetter<float>)row.GetScore
                : (ValueGetter<double>)row.GetScore;
        }

        var next = 1;
        if (_probability is not null)
        {
            if (activeOutputs[next])
            {
                getters[next] = (ValueGetter<float>)row.GetProbability;
            }

            next++;
        }

        if (_hasLabel && activeOutputs[next])
        {
            getters[next] = (ValueGetter<bool>)row.GetLabel;
        }

        return getters;
    }

    private static DataViewSchema.Column Require(DataViewSchema schema, string name, string role) =>
        schema.GetColumnOrNull(name) ?? throw new ArgumentException(
            $"The {role} column '{name}' is not in the input schema; the demographic-parity transformer needs it at prediction time too.", nameof(schema));
}
