using FairnessGuard.ML.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FairnessGuard.ML;

/// <summary>
/// Learns the exact demographic-parity correction of a score column on an <see cref="IDataView"/> of
/// calibration predictions. Fit it on a split the trainer did not see (scored by the trained model) and append
/// the transformer to the model, or append the estimator to a pipeline to fit it on the training predictions.
/// </summary>
public sealed class DemographicParityEstimator : IEstimator<DemographicParityTransformer>
{
    private readonly DemographicParityOptions _options;

    /// <summary>Creates the estimator; usually through <c>mlContext.Transforms.DemographicParity(…)</c>.</summary>
    /// <param name="options">The settings; validated here.</param>
    public DemographicParityEstimator(DemographicParityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validated();
    }

    /// <summary>Reads the score, probability and group columns of <paramref name="input"/> and fits the map.</summary>
    /// <param name="input">Calibration predictions: the score column and every group column.</param>
    /// <returns>The fitted transformer.</returns>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type, or fewer than two groups have a finite score.</exception>
    public DemographicParityTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = _options;
        var schema = input.Schema;
        var score = schema.GetColumnOrNull(o.ScoreColumnName)
            ?? throw new ArgumentException($"The score column '{o.ScoreColumnName}' is not in the calibration data.", nameof(input));
        var groups = new DataViewSchema.Column[o.GroupColumnNames.Count];
        var vocabularies = new GroupVocabulary[groups.Length];
        for (var c = 0; c < groups.Length; c++)
        {
            groups[c] = schema.GetColumnOrNull(o.GroupColumnNames[c])
                ?? throw new ArgumentException($"The group column '{o.GroupColumnNames[c]}' is not in the calibration data.", nameof(input));
            vocabularies[c] = new GroupVocabulary(groups[c].Name, GroupVocabulary.KindOf(groups[c]));
        }

        var probability = o.InPlace && schema.GetColumnOrNull(o.ProbabilityColumnName) is { } p && p.Type == NumberDataViewType.Single ? p : (DataViewSchema.Column?)null;
        var needed = new List<DataViewSchema.Column>(groups) { score };
        if (probability is { } pc)
        {
            needed.Add(pc);
        }

        var scores = new List<double>();
        var probabilities = probability is null ? null : new List<double>();
        var indices = new List<int>[groups.Length];
        for (var c = 0; c < groups.Length; c++)
        {
            indices[c] = [];
        }

        using (var cursor = input.GetRowCursor(needed))
        {
            var readScore = ScoreReader(cursor, score);
            var readProbability = probability is { } col ? ScoreReader(cursor, col) : null;
            // Group values become vocabulary indices as they are read: no string per row.
            var readGroups = groups.Select((g, c) => vocabularies[c].IndexAdder(cursor, g)).ToArray();
            var values = new int[groups.Length];
            while (cursor.MoveNext())
            {
                var y = readScore();
                var missing = !double.IsFinite(y);
                for (var c = 0; c < groups.Length; c++)
                {
                    values[c] = readGroups[c]();
                    missing |= values[c] < 0;
                }

                var q = readProbability?.Invoke() ?? 0;
                if (missing || !double.IsFinite(q))
                {
                    // No rank to learn from: a non-finite output or a row without a group.
                    continue;
                }

                scores.Add(y);
                probabilities?.Add(q);
                for (var c = 0; c < groups.Length; c++)
                {
                    indices[c].Add(values[c]);
                }
            }
        }

        // The readers saw values of skipped rows too: renumber each column by first appearance among kept rows.
        var kept = new int[groups.Length][];
        for (var c = 0; c < groups.Length; c++)
        {
            var seen = vocabularies[c];
            var compact = new GroupVocabulary(seen.ColumnName, seen.Kind);
            var remap = new int[seen.Count];
            Array.Fill(remap, -1);
            var column = kept[c] = new int[indices[c].Count];
            for (var i = 0; i < column.Length; i++)
            {
                var old = indices[c][i];
                if (remap[old] < 0)
                {
                    remap[old] = compact.Add(seen.Values[old]);
                }

                column[i] = remap[old];
            }

            vocabularies[c] = compact;
        }

        var model = DemographicParityModel.Fit(o, vocabularies, kept, [.. scores], probabilities?.ToArray());
        return new DemographicParityTransformer(model);
    }

    /// <summary>Checks the columns and returns the output shape (the score column added or left in place).</summary>
    /// <param name="inputSchema">The input shape.</param>
    /// <returns>The output shape.</returns>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var o = _options;
        var columns = inputSchema.ToDictionary(c => c.Name);
        if (!columns.TryGetValue(o.ScoreColumnName, out var score) || score.Kind != SchemaShape.Column.VectorKind.Scalar
            || (score.ItemType != NumberDataViewType.Single && score.ItemType != NumberDataViewType.Double))
        {
            throw new ArgumentOutOfRangeException(nameof(inputSchema), $"The score column '{o.ScoreColumnName}' must be a Single or Double scalar in the input.");
        }

        foreach (var name in o.GroupColumnNames)
        {
            if (!columns.ContainsKey(name))
            {
                throw new ArgumentOutOfRangeException(nameof(inputSchema), $"The group column '{name}' is not in the input.");
            }
        }

        return o.InPlace ? inputSchema : SchemaShapes.WithCopy(inputSchema, o.OutputColumnName!, o.ScoreColumnName);
    }

    internal static Func<double> ScoreReader(DataViewRow row, DataViewSchema.Column column)
    {
        if (column.Type == NumberDataViewType.Single)
        {
            var get = row.GetGetter<float>(column);
            float v = 0;
            return () => { get(ref v); return v; };
        }

        if (column.Type == NumberDataViewType.Double)
        {
            var get = row.GetGetter<double>(column);
            double v = 0;
            return () => { get(ref v); return v; };
        }

        throw new ArgumentException($"Column '{column.Name}' has type {column.Type}; it must be a Single or Double scalar.");
    }
}

/// <summary>Schema shapes built through public ML.NET API only (a shape column has no public constructor).</summary>
internal static class SchemaShapes
{
    private static readonly MLContext Context = new(seed: 0);

    /// <summary>The shape with a column <paramref name="output"/> of the same type as <paramref name="source"/>.</summary>
    public static SchemaShape WithCopy(SchemaShape input, string output, string source) =>
        Context.Transforms.CopyColumns(output, source).GetOutputSchema(input);
}
