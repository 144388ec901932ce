using FairnessGuard.ML.Data;

namespace FairnessGuard.ML;

/// <summary>One correction stage: the cells over its columns and the exact barycenter corrector(s) over those cells.</summary>
internal sealed class ParityStage
{
    private readonly int[] _columns;
    private readonly long[] _radix;
    private readonly Dictionary<long, int>? _cells;
    private readonly int[] _rowCells;

    public ParityStage(int[] columns, GroupVocabulary[] vocabularies, int[][] groupIndices, double[] scores, double[]? probabilities, double strength, ulong seed)
    {
        _columns = columns;
        _radix = new long[columns.Length];
        long r = 1;
        for (var i = 0; i < columns.Length; i++)
        {
            _radix[i] = r;
            r *= Math.Max(1, vocabularies[columns[i]].Count);
        }

        var labels = new List<string>();
        var counts = new List<int>();
        _rowCells = new int[scores.Length];
        if (columns.Length > 1)
        {
            _cells = [];
        }

        for (var row = 0; row < scores.Length; row++)
        {
            long key = 0;
            for (var i = 0; i < columns.Length; i++)
            {
                key += groupIndices[columns[i]][row] * _radix[i];
            }

            int cell;
            if (_cells is null)
            {
                cell = (int)key;
            }
            else if (!_cells.TryGetValue(key, out cell))
            {
                cell = _cells.Count;
                _cells.Add(key, cell);
            }

            while (labels.Count <= cell)
            {
                labels.Add(string.Empty);
                counts.Add(0);
            }

            if (counts[cell]++ == 0)
            {
                labels[cell] = string.Join(" & ", columns.Select(c => vocabularies[c].Values[groupIndices[c][row]]));
            }

            _rowCells[row] = cell;
        }

        Groups = labels;
        Largest = counts.IndexOf(counts.Max());
        Score = new RankTable(scores, _rowCells, labels.Count, strength, seed);
        Probability = probabilities is null ? null : new RankTable(probabilities, _rowCells, labels.Count, strength, seed);
    }

    /// <summary>The label of each cell ("value" or "value &amp; value" for an intersection), by cell index.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>The cell with the most calibration rows, the target of <see cref="UnseenGroupFallback.LargestGroup"/>.</summary>
    public int Largest { get; }

    public RankTable Score { get; }

    public RankTable? Probability { get; }

    /// <summary>The row's cell, −1 when a value is missing or the combination was not seen in calibration.</summary>
    public int Cell(ReadOnlySpan<int> indices)
    {
        long key = 0;
        for (var i = 0; i < _columns.Length; i++)
        {
            var index = indices[_columns[i]];
            if (index < 0)
            {
                return -1;
            }

            key += index * _radix[i];
        }

        if (_cells is null)
        {
            return (int)key;
        }

        return _cells.TryGetValue(key, out var cell) ? cell : -1;
    }

    public void ApplyToCalibration(double[] scores, double[]? probabilities)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Score.Apply(scores[i], _rowCells[i], i);
            if (probabilities is not null)
            {
                probabilities[i] = Probability!.Apply(probabilities[i], _rowCells[i], i);
            }
        }
    }
}
