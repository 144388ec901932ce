namespace FairnessGuard.Correction;

/// <summary>
/// Demographic parity for several sensitive attributes at once by sequential correction (Hu et al.,
/// AAAI 2024): the outputs are corrected for the first attribute, the corrected calibration outputs are
/// used to fit the correction for the second, and so on, in the order the attributes are given.
/// </summary>
/// <remarks>
/// For parity on every intersection of the attributes instead, fit one
/// <see cref="ExactBarycenterCorrector{TGroup}"/> on a tuple key such as <c>(gender, race)</c>.
/// Instances are immutable after <see cref="Fit"/> and thread-safe.
/// </remarks>
/// <typeparam name="TGroup">The key type shared by the attributes' columns (e.g. string).</typeparam>
public sealed class SequentialBarycenterCorrector<TGroup>
    where TGroup : notnull
{
    private readonly ExactBarycenterCorrector<TGroup>[] _stages;

    private SequentialBarycenterCorrector(ExactBarycenterCorrector<TGroup>[] stages) => _stages = stages;

    /// <summary>The per-attribute correctors, in the order they are applied.</summary>
    public IReadOnlyList<ExactBarycenterCorrector<TGroup>> Stages => _stages;

    /// <summary>Fits one stage per attribute column, each on the previous stage's corrected calibration outputs.</summary>
    /// <param name="outputs">Calibration outputs.</param>
    /// <param name="attributeColumns">One group column per attribute, each as long as <paramref name="outputs"/>.</param>
    /// <param name="options">Strength and seed, shared by every stage (each stage draws its own tie-breaking stream).</param>
    /// <returns>The fitted corrector.</returns>
    /// <exception cref="ArgumentException">No column, a column of the wrong length, or a column with fewer than 2 groups.</exception>
    public static SequentialBarycenterCorrector<TGroup> Fit(ReadOnlySpan<double> outputs, IReadOnlyList<TGroup[]> attributeColumns, BarycenterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(attributeColumns);
        options ??= new BarycenterOptions();
        options.Validate();
        if (attributeColumns.Count == 0)
        {
            throw new ArgumentException("At least one attribute column is needed.", nameof(attributeColumns));
        }

        var current = outputs.ToArray();
        var stages = new ExactBarycenterCorrector<TGroup>[attributeColumns.Count];
        for (var a = 0; a < stages.Length; a++)
        {
            var column = attributeColumns[a] ?? throw new ArgumentException($"Attribute column {a} is null.", nameof(attributeColumns));
            if (column.Length != outputs.Length)
            {
                throw new ArgumentException($"Attribute column {a} has {column.Length} rows but outputs has {outputs.Length}.", nameof(attributeColumns));
            }

            var stageOptions = new BarycenterOptions { Strength = options.Strength, Seed = TieBreaker.StageSeed(options.Seed, a) };
            stages[a] = ExactBarycenterCorrector<TGroup>.Fit(current, column, stageOptions);
            stages[a].Apply(current, column, current);
        }

        return new SequentialBarycenterCorrector<TGroup>(stages);
    }

    /// <summary>Corrects one output for every attribute in turn.</summary>
    /// <param name="output">The raw output; NaN and ±∞ are returned unchanged.</param>
    /// <param name="groups">The row's group for each attribute, in the order of the fit.</param>
    /// <param name="rowIndex">The row's stream index (selects the tie-breaking draws).</param>
    /// <returns>The corrected output.</returns>
    /// <exception cref="ArgumentException">Wrong number of groups, or a group not seen in calibration.</exception>
    public double Apply(double output, ReadOnlySpan<TGroup> groups, long rowIndex = 0)
    {
        if (groups.Length != _stages.Length)
        {
            throw new ArgumentException($"{_stages.Length} groups are needed (one per attribute) but {groups.Length} were given.", nameof(groups));
        }

        var y = output;
        for (var a = 0; a < _stages.Length; a++)
        {
            y = _stages[a].Apply(y, groups[a], rowIndex);
        }

        return y;
    }
}
