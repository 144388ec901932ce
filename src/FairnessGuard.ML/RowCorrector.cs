using FairnessGuard.ML.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FairnessGuard.ML;

/// <summary>
/// The getters of one cursor or row: typed reads fetched once (no delegate per value), the group indices read
/// into a reused array, and the row's position read only when a score is an atom (its rank is drawn from it). With
/// one stage over one column the score goes straight to that stage's table. The corrected score is remembered
/// for the row only while the predicted label is active, so the label does not repeat the lookup.
/// </summary>
internal sealed class RowCorrector
{
    private readonly DemographicParityModel _model;
    private readonly DataViewRow _input;
    private readonly GroupIndexReader[] _readers;
    private readonly GroupIndexReader? _only;
    private readonly RankTable? _single;
    private readonly int[] _indices;
    private readonly int[] _cachedIndices;
    private readonly ValueGetter<float>? _getSingle;
    private readonly ValueGetter<double>? _getDouble;
    private readonly ValueGetter<float>? _getProbability;
    private readonly double _threshold;
    private readonly bool _cache;
    private float _single32;
    private double _double;
    private float _probability;
    private long _cachedRow = long.MinValue;
    private double _cachedRaw;
    private double _cachedScore;

    public RowCorrector(DemographicParityModel model, DataViewRow input, DataViewSchema.Column score, DataViewSchema.Column[] groups, DataViewSchema.Column? probability, bool labelActive)
    {
        _model = model;
        _input = input;
        _readers = new GroupIndexReader[groups.Length];
        for (var c = 0; c < groups.Length; c++)
        {
            _readers[c] = model.Vocabularies[c].IndexReader(input, groups[c]);
        }

        _single = model.SingleTable;
        _only = _single is null ? null : _readers[0];
        _indices = new int[groups.Length];
        _cachedIndices = new int[groups.Length];
        if (score.Type == NumberDataViewType.Single)
        {
            _getSingle = input.GetGetter<float>(score);
        }
        else
        {
            _getDouble = input.GetGetter<double>(score);
        }

        if (probability is { } p)
        {
            _getProbability = input.GetGetter<float>(p);
        }

        _threshold = model.Options.Threshold;
        _cache = labelActive;
    }

    public void GetScore(ref float dst) => dst = (float)Score(count: true);

    public void GetScore(ref double dst) => dst = Score(count: true);

    public void GetLabel(ref bool dst) => dst = Score(count: false) > _threshold;

    public void GetProbability(ref float dst)
    {
        _getProbability!(ref _probability);
        ReadGroups();
        dst = (float)_model.CorrectProbability(_probability, _indices, _input.Position);
    }

    private double Score(bool count)
    {
        double y;
        if (_getSingle is not null)
        {
            _getSingle(ref _single32);
            y = _single32;
        }
        else
        {
            _getDouble!(ref _double);
            y = _double;
        }

        if (_single is { } table && !_cache)
        {
            // One stage over one column, no label to serve: the cell is the column's index.
            var index = _only!.Read();
            if (index < 0)
            {
                index = _model.Fallback(count);
                if (index < 0)
                {
                    return y;
                }
            }

            return table.TryApply(y, index, out var corrected) ? corrected : table.ApplyAtom(y, index, _input.Position);
        }

        return Cached(y, count);
    }

    private double Cached(double y, bool count)
    {
        ReadGroups();
        var row = _input.Position;
        // The label getter reuses the score getter's result for the same row, score and groups (a pure function of
        // them); the score getter always computes, so the unseen-group count is what it was without the cache.
        if (!count && row == _cachedRow && BitConverter.DoubleToInt64Bits(y) == BitConverter.DoubleToInt64Bits(_cachedRaw)
            && SameGroups())
        {
            return _cachedScore;
        }

        var corrected = _model.CorrectScore(y, _indices, row, count);
        if (_cache)
        {
            _cachedRow = row;
            _cachedRaw = y;
            _cachedScore = corrected;
            for (var c = 0; c < _indices.Length; c++)
            {
                _cachedIndices[c] = _indices[c];
            }
        }

        return corrected;
    }

    private bool SameGroups()
    {
        for (var c = 0; c < _indices.Length; c++)
        {
            if (_indices[c] != _cachedIndices[c])
            {
                return false;
            }
        }

        return true;
    }

    private void ReadGroups()
    {
        var readers = _readers;
        for (var c = 0; c < readers.Length; c++)
        {
            _indices[c] = readers[c].Read();
        }
    }
}
