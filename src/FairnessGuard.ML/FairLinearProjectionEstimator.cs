using FairnessGuard.ML.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FairnessGuard.ML;

/// <summary>
/// Learns the fair linear projection of Donini et al., "Empirical Risk Minimization under Fairness Constraints"
/// (NeurIPS 2018): for K groups the K − 1 directions <c>u_g = μ_g⁺ − μ_ref⁺</c> between the mean feature vectors
/// of positive examples, orthonormalised into U; the transformer maps <c>x → x − U Uᵀ x</c>. A linear model
/// <c>w·x̃ + b</c> on the projected features has effective weight <c>(I − U Uᵀ) w ⟂ u_g</c>, which is their
/// equal-opportunity constraint (equal mean score of the positive examples of every group).
/// </summary>
public sealed class FairLinearProjectionEstimator : IEstimator<FairLinearProjectionTransformer>
{
    private readonly string _group;
    private readonly string _features;
    private readonly string _label;
    private readonly string? _output;
    private readonly string? _reference;

    internal FairLinearProjectionEstimator(string group, string features, string label, string? output, string? reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        ArgumentException.ThrowIfNullOrWhiteSpace(features);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        (_group, _features, _label, _output, _reference) = (group, features, label, output, reference);
    }

    /// <summary>Learns the directions on training data (features, label and group).</summary>
    /// <param name="input">The training data.</param>
    /// <returns>The fitted projection.</returns>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type, or a group has no positive example.</exception>
    public FairLinearProjectionTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var schema = input.Schema;
        var features = schema.GetColumnOrNull(_features) ?? throw new ArgumentException($"The feature column '{_features}' is not in the data.", nameof(input));
        var group = schema.GetColumnOrNull(_group) ?? throw new ArgumentException($"The group column '{_group}' is not in the data.", nameof(input));
        var label = schema.GetColumnOrNull(_label) ?? throw new ArgumentException($"The label column '{_label}' is not in the data.", nameof(input));
        var dimension = FeatureDimension(features);
        var sums = new Dictionary<string, (double[] Sum, long Count)>(StringComparer.Ordinal);
        using (var cursor = input.GetRowCursor([features, group, label]))
        {
            var getFeatures = cursor.GetGetter<VBuffer<float>>(features);
            var readGroup = GroupVocabulary.TextReader(cursor, group);
            var isPositive = PositiveReader(cursor, label);
            VBuffer<float> x = default;
            while (cursor.MoveNext())
            {
                var g = readGroup();
                if (g is null || !isPositive())
                {
                    continue;
                }

                getFeatures(ref x);
                if (!sums.TryGetValue(g, out var acc))
                {
                    acc = (new double[dimension], 0);
                }

                foreach (var (index, value) in x.Items())
                {
                    acc.Sum[index] += value;
                }

                sums[g] = (acc.Sum, acc.Count + 1);
            }
        }

        if (sums.Count < 2)
        {
            throw new ArgumentException($"The fair projection needs positive examples in at least 2 groups of '{_group}'; found {sums.Count}.", nameof(input));
        }

        var reference = _reference ?? sums.MaxBy(kv => kv.Value.Count).Key;
        if (!sums.TryGetValue(reference, out var refAcc))
        {
            throw new ArgumentException($"The reference group '{reference}' has no positive example.", nameof(input));
        }

        var directions = new List<double[]>();
        var groups = new List<string>();
        foreach (var (g, acc) in sums)
        {
            if (g == reference)
            {
                continue;
            }

            var u = new double[dimension];
            for (var j = 0; j < dimension; j++)
            {
                u[j] = (acc.Sum[j] / acc.Count) - (refAcc.Sum[j] / refAcc.Count);
            }

            groups.Add(g);
            directions.Add(u);
        }

        return new FairLinearProjectionTransformer(_features, _output ?? _features, reference, [.. groups], Orthonormalise(directions), dimension);
    }

    /// <summary>Checks the columns and returns the output shape.</summary>
    /// <param name="inputSchema">The input shape.</param>
    /// <returns>The output shape.</returns>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var columns = inputSchema.ToDictionary(c => c.Name);
        if (!columns.TryGetValue(_features, out var f) || f.Kind != SchemaShape.Column.VectorKind.Vector || f.ItemType != NumberDataViewType.Single)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSchema), $"The feature column '{_features}' must be a known-size vector of Single.");
        }

        foreach (var name in new[] { _group, _label })
        {
            if (!columns.ContainsKey(name))
            {
                throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Column '{name}' is not in the input.");
            }
        }

        return _output is null || _output == _features ? inputSchema : SchemaShapes.WithCopy(inputSchema, _output, _features);
    }

    internal static int FeatureDimension(DataViewSchema.Column column) =>
        column.Type is VectorDataViewType { IsKnownSize: true, ItemType: var item } v && item == NumberDataViewType.Single
            ? v.Size
            : throw new ArgumentException($"The feature column '{column.Name}' has type {column.Type}; it must be a known-size vector of Single.");

    /// <summary>Gram–Schmidt (modified, twice for stability); directions already spanned are dropped.</summary>
    internal static double[][] Orthonormalise(List<double[]> directions)
    {
        var basis = new List<double[]>();
        foreach (var d in directions)
        {
            var v = (double[])d.Clone();
            var norm0 = Norm(v);
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var b in basis)
                {
                    var dot = Dot(v, b);
                    for (var j = 0; j < v.Length; j++)
                    {
                        v[j] -= dot * b[j];
                    }
                }
            }

            var norm = Norm(v);
            if (norm > 1e-10 * Math.Max(norm0, 1e-300) && norm > 0)
            {
                for (var j = 0; j < v.Length; j++)
                {
                    v[j] /= norm;
                }

                basis.Add(v);
            }
        }

        return [.. basis];
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (var j = 0; j < a.Length; j++)
        {
            s += a[j] * b[j];
        }

        return s;
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    private static Func<bool> PositiveReader(DataViewRow row, DataViewSchema.Column label)
    {
        if (label.Type is BooleanDataViewType)
        {
            var get = row.GetGetter<bool>(label);
            var v = false;
            return () => { get(ref v); return v; };
        }

        var read = DemographicParityEstimator.ScoreReader(row, label);
        return () => read() > 0;
    }
}
