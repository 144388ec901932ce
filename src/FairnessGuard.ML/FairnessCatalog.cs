using System.IO.Compression;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FairnessGuard.ML;

/// <summary>FairnessGuard's ML.NET catalog: <c>mlContext.Fairness()</c>.</summary>
public sealed partial class FairnessCatalog
{
    internal const string SaveHint =
        "ML.NET's public API cannot save a custom transformer; save the model with mlContext.Fairness().SaveModel(model, schema, path) and load it with mlContext.Fairness().LoadModel(path, out schema).";

    private const string Manifest = "fairnessguard/manifest.txt";
    private readonly MLContext _context;

    internal FairnessCatalog(MLContext context) => _context = context;

    /// <summary>
    /// Saves a model whose chain holds FairnessGuard transformers: the ML.NET parts go through
    /// <c>mlContext.Model.Save</c>, each FairnessGuard transformer's fitted state beside them, in one zip file.
    /// </summary>
    /// <param name="model">The model (a chain, possibly nested).</param>
    /// <param name="inputSchema">The schema the model reads.</param>
    /// <param name="path">The file to write.</param>
    public void SaveModel(ITransformer model, DataViewSchema inputSchema, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.Create(path);
        SaveModel(model, inputSchema, file);
    }

    /// <summary>Saves a model to a stream; see <see cref="SaveModel(ITransformer, DataViewSchema, string)"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="inputSchema">The schema the model reads.</param>
    /// <param name="stream">A writable stream.</param>
    public void SaveModel(ITransformer model, DataViewSchema inputSchema, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputSchema);
        ArgumentNullException.ThrowIfNull(stream);
        var items = new List<ITransformer>();
        Flatten(model, items);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var manifest = new StringBuilder();
        var schema = inputSchema;
        var segment = new List<ITransformer>();
        var part = 0;
        void FlushSegment()
        {
            var entry = zip.CreateEntry($"fairnessguard/part{part}.mlnet.zip");
            using (var s = entry.Open())
            {
                _context.Model.Save(new TransformerChain<ITransformer>([.. segment]), schema, s);
            }

            manifest.Append("mlnet ").Append(part++).Append('\n');
            foreach (var t in segment)
            {
                schema = t.GetOutputSchema(schema);
            }

            segment.Clear();
        }

        foreach (var item in items)
        {
            if (item is not DemographicParityTransformer and not FairLinearProjectionTransformer)
            {
                segment.Add(item);
                continue;
            }

            // Always an ML.NET part first (empty or not): it carries the input schema.
            if (segment.Count > 0 || part == 0)
            {
                FlushSegment();
            }

            var kind = item is DemographicParityTransformer ? "parity" : "projection";
            using (var writer = new BinaryWriter(zip.CreateEntry($"fairnessguard/part{part}.{kind}.bin").Open()))
            {
                if (item is DemographicParityTransformer dp)
                {
                    dp.Model.Write(writer);
                }
                else
                {
                    ((FairLinearProjectionTransformer)item).Write(writer);
                }
            }

            manifest.Append(kind).Append(' ').Append(part++).Append('\n');
            schema = item.GetOutputSchema(schema);
        }

        if (segment.Count > 0 || part == 0)
        {
            FlushSegment();
        }

        using var m = new StreamWriter(zip.CreateEntry(Manifest).Open());
        m.Write(manifest.ToString());
    }

    /// <summary>Loads a model written by <see cref="SaveModel(ITransformer, DataViewSchema, string)"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="inputSchema">The schema the model reads.</param>
    /// <returns>The model, as one transformer chain.</returns>
    public ITransformer LoadModel(string path, out DataViewSchema inputSchema)
    {
        using var file = File.OpenRead(path);
        return LoadModel(file, out inputSchema);
    }

    /// <summary>Loads a model from a stream; see <see cref="LoadModel(string, out DataViewSchema)"/>.</summary>
    /// <param name="stream">A readable stream.</param>
    /// <param name="inputSchema">The schema the model reads.</param>
    /// <returns>The model, as one transformer chain.</returns>
    public ITransformer LoadModel(Stream stream, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var manifestEntry = zip.GetEntry(Manifest)
            ?? throw new InvalidDataException("Not a FairnessGuard model file (no manifest); a plain ML.NET model loads with mlContext.Model.Load.");
        string manifest;
        using (var reader = new StreamReader(manifestEntry.Open()))
        {
            manifest = reader.ReadToEnd();
        }

        DataViewSchema? first = null;
        var items = new List<ITransformer>();
        foreach (var line in manifest.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            var (kind, part) = (parts[0], parts[1]);
            var entry = zip.GetEntry($"fairnessguard/part{part}.{(kind == "mlnet" ? "mlnet.zip" : kind + ".bin")}")
                ?? throw new InvalidDataException($"Model part {part} ({kind}) is missing.");
            using var buffer = new MemoryStream();
            using (var s = entry.Open())
            {
                s.CopyTo(buffer);
            }

            buffer.Position = 0;
            switch (kind)
            {
                case "mlnet":
                    var loaded = _context.Model.Load(buffer, out var schema);
                    first ??= schema;
                    Flatten(loaded, items);
                    break;
                case "parity":
                    using (var reader = new BinaryReader(buffer))
                    {
                        items.Add(new DemographicParityTransformer(DemographicParityModel.Read(reader)));
                    }

                    break;
                case "projection":
                    using (var reader = new BinaryReader(buffer))
                    {
                        items.Add(FairLinearProjectionTransformer.Read(reader));
                    }

                    break;
                default:
                    throw new InvalidDataException($"Unknown model part kind '{kind}'.");
            }
        }

        inputSchema = first ?? throw new InvalidDataException("The model file has no ML.NET part carrying the input schema.");
        return new TransformerChain<ITransformer>([.. items]);
    }

    private static void Flatten(ITransformer transformer, List<ITransformer> into)
    {
        if (transformer is IEnumerable<ITransformer> chain)
        {
            foreach (var t in chain)
            {
                Flatten(t, into);
            }
        }
        else
        {
            into.Add(transformer);
        }
    }
}
