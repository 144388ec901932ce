using BenchmarkDotNet.Attributes;
using FairnessGuard.ML;
using Microsoft.ML;

namespace FairnessGuard.Benchmarks.ML;

/// <summary>
/// The ML.NET demographic-parity transformer on 1M rows (4 text groups, Single scores, cached views): a cursor
/// over the baseline view, the same cursor over the corrected view (fitted on 1M calibration rows; the
/// difference is the per-row cost of the transform), and <c>Fit</c> on 1M rows. Run with
/// <c>dotnet run -c Release --project tests/FairnessGuard.Benchmarks -- --filter '*DemographicParityTransform*' --job short</c>.
/// </summary>
public class DemographicParityTransformBenchmarks
{
    /// <summary>Rows of calibration and of the transformed view.</summary>
    public const int Rows = 1_000_000;

    private static readonly string[] GroupNames = ["a", "b", "c", "d"];
    private readonly MLContext _ml = new(seed: 1);
    private IDataView _calibration = null!;
    private IDataView _baseline = null!;
    private IDataView _corrected = null!;

    [GlobalSetup]
    public void Setup()
    {
        _calibration = _ml.Data.Cache(_ml.Data.LoadFromEnumerable(Generate(1)));
        _baseline = _ml.Data.Cache(_ml.Data.LoadFromEnumerable(Generate(2)));
        _ = Sum(_calibration);
        _ = Sum(_baseline);
        _corrected = _ml.Transforms.DemographicParity("Group").Fit(_calibration).Transform(_baseline);
    }

    /// <summary>Reads the score of every row of the baseline view.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public double Baseline() => Sum(_baseline);

    /// <summary>Reads the corrected score of every row.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public double Transform() => Sum(_corrected);

    /// <summary>Fits the correction on 1M calibration rows.</summary>
    [Benchmark]
    public DemographicParityTransformer Fit() => _ml.Transforms.DemographicParity("Group").Fit(_calibration);

    private static double Sum(IDataView view)
    {
        var score = view.Schema["Score"];
        using var cursor = view.GetRowCursor([score]);
        var get = cursor.GetGetter<float>(score);
        float value = 0;
        double total = 0;
        while (cursor.MoveNext())
        {
            get(ref value);
            total += value;
        }

        return total;
    }

    private static ScoredRow[] Generate(int seed)
    {
        var random = new Random(seed);
        var rows = new ScoredRow[Rows];
        for (var i = 0; i < rows.Length; i++)
        {
            var g = random.Next(GroupNames.Length);
            rows[i] = new ScoredRow { Group = GroupNames[g], Score = (float)((g * 0.3) + random.NextDouble()) };
        }

        return rows;
    }

    /// <summary>One scored row.</summary>
    public sealed class ScoredRow
    {
        /// <summary>The score.</summary>
        public float Score { get; set; }

        /// <summary>The group.</summary>
        public string Group { get; set; } = string.Empty;
    }
}
