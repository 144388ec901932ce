using FairnessGuard.ML.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FairnessGuard.ML;

/// <summary>
/// The fitted fair linear projection <c>x → x − U Uᵀ x</c> (Donini et al., NeurIPS 2018); see
/// <see cref="FairLinearProjectionEstimator"/>. Reads only the feature column at prediction time.
/// </summary>
public sealed class FairLinearProjectionTransformer : ITransformer
{
    private const int FormatVersion = 1;
    private readonly double[][] _basis;

    internal FairLinearProjectionTransformer(string input, string output, string reference, string[] groups, double[][] basis, int dimension)
    {
        (InputColumnName, OutputColumnName, ReferenceGroup, Groups, _basis, Dimension) = (input, output, reference, groups, basis, dimension);
    }

    /// <summary>The feature column read.</summary>
    public string InputColumnName { get; }

    /// <summary>The projected column written.</summary>
    public string OutputColumnName { get; }

    /// <summary>The group the other groups' positive means are compared to.</summary>
    public string ReferenceGroup { get; }

    /// <summary>The other groups, one direction each before orthonormalisation.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>The feature dimension.</summary>
    public int Dimension { get; }

    /// <summary>The orthonormal directions removed (rows of Uᵀ); at most K − 1.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Directions => _basis;

    /// <summary>Always true: the projection is row by row.</summary>
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

    /// <summary>Projects <paramref name="x"/> in place (dense, length <see cref="Dimension"/>).</summary>
    internal void Project(Span<float> x)
    {
        foreach (var u in _basis)
        {
            double dot = 0;
            for (var j = 0; j < x.Length; j++)
            {
                dot += u[j] * x[j];
            }

            for (var j = 0; j < x.Length; j++)
            {
                x[j] = (float)(x[j] - (dot * u[j]));
            }
        }
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(FormatVersion);
        writer.Write(InputColumnName);
        writer.Write(OutputColumnName);
        writer.Write(ReferenceGroup);
        writer.Write(Groups.Count);
        foreach (var g in Groups)
        {
            writer.Write(g);
        }

        writer.Write(Dimension);
        writer.Write(_basis.Length);
        foreach (var u in _basis)
        {
            foreach (var v in u)
            {
                writer.Write(v);
            }
        }
    }

    internal static FairLinearProjectionTransformer Read(BinaryReader reader)
    {
        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Fair-projection state format {version} is not supported (expected {FormatVersion}).");
        }

        var input = reader.ReadString();
        var output = reader.ReadString();
        var reference = reader.ReadString();
        var groups = new string[reader.ReadInt32()];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = reader.ReadString();
        }

        var dimension = reader.ReadInt32();
        var basis = new double[reader.ReadInt32()][];
        for (var k = 0; k < basis.Length; k++)
        {
            basis[k] = new double[dimension];
            for (var j = 0; j < dimension; j++)
            {
                basis[k][j] = reader.ReadDouble();
            }
        }

        return new FairLinearProjectionTransformer(input, output, reference, groups, basis, dimension);
    }

    private ProjectionMapping Bind(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new ProjectionMapping(schema, this);
    }

    private sealed class ProjectionMapping : ColumnMapping
    {
        private readonly FairLinearProjectionTransformer _owner;
        private readonly DataViewSchema.Column _input;
        private readonly DataViewSchema.DetachedColumn[] _outputs;

        public ProjectionMapping(DataViewSchema schema, FairLinearProjectionTransformer owner)
            : base(schema)
        {
            _owner = owner;
            _input = schema.GetColumnOrNull(owner.InputColumnName)
                ?? throw new ArgumentException($"The feature column '{owner.InputColumnName}' is not in the input schema.", nameof(schema));
            if (FairLinearProjectionEstimator.FeatureDimension(_input) != owner.Dimension)
            {
                throw new ArgumentException($"The feature column '{_input.Name}' has {_input.Type}; the projection was fitted on {owner.Dimension} features.", nameof(schema));
            }

            _outputs = [new DataViewSchema.DetachedColumn(owner.OutputColumnName, _input.Type, _input.Annotations)];
        }

        public override IReadOnlyList<DataViewSchema.DetachedColumn> Outputs => _outputs;

        public override IEnumerable<DataViewSchema.Column> Dependencies(bool[] activeOutputs) => activeOutputs[0] ? [_input] : [];

        public override Delegate?[] CreateGetters(DataViewRow input, bool[] activeOutputs)
        {
            if (!activeOutputs[0])
            {
                return [null];
            }

            var owner = _owner;
            var get = input.GetGetter<VBuffer<float>>(_input);
            VBuffer<float> x = default;
            var dimension = owner.Dimension;
            return
            [
                (ValueGetter<VBuffer<float>>)((ref VBuffer<float> dst) =>
                {
                    get(ref x);
                    var editor = VBufferEditor.Create(ref dst, dimension);
                    x.CopyTo(editor.Values);
                    owner.Project(editor.Values);
                    dst = editor.Commit();
                }),
            ];
        }
    }
}
