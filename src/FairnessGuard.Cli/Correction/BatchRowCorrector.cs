using FairnessGuard.Cli.Csv;
using FairnessGuard.Correction;

namespace FairnessGuard.Cli.Correction;

/// <summary>
/// The exact barycenter map (<see cref="ExactBarycenterCorrector{TGroup}"/>) fitted on a calibration file;
/// memory is the calibration scores (16 bytes a row), the file being corrected is streamed.
/// </summary>
internal sealed class BatchRowCorrector : IRowCorrector
{
    private readonly ExactBarycenterCorrector<string> _corrector;
    private readonly HashSet<string> _known;
    private readonly List<string> _accepted = [];

    // In-sample: every row's score and fair score, corrected as one batch in order of value (bit for bit what
    // row-by-row Apply gives, without its cache misses); null with a separate calibration file.
    private readonly double[]? _scores;
    private readonly double[]? _fair;

    private BatchRowCorrector(ExactBarycenterCorrector<string> corrector, double[]? scores = null, double[]? fair = null)
    {
        _corrector = corrector;
        _scores = scores;
        _fair = fair;
        _known = new HashSet<string>(corrector.Groups, StringComparer.Ordinal);
    }

    /// <summary>
    /// Fits the map on the rows of <paramref name="calibrationPath"/> that have a group and a finite score. In-sample
    /// (<paramref name="inSample"/>: the calibration file is the input), the rows are also corrected here, as one batch.
    /// </summary>
    /// <exception cref="CsvInputException">The calibration file is unreadable or has fewer than two groups.</exception>
    public static BatchRowCorrector Fit(string calibrationPath, ColumnSpec columns, double strength, ulong seed, InputEncoding encoding, bool decimalComma, Action<long, long>? progress, string? inputFormat = null, bool inSample = false)
    {
        var data = Audit.AuditData.Load(calibrationPath, columns with { Label = null }, encoding, decimalComma, progress, inputFormat);
        Audit.AuditOutcome.RequireTwoGroups(calibrationPath, data.Groups.Where((_, i) => double.IsFinite(data.Scores[i])).Distinct(StringComparer.Ordinal).Take(2).ToArray());
        try
        {
            var corrector = ExactBarycenterCorrector<string>.Fit(data.Scores, data.Groups, new BarycenterOptions { Strength = strength, Seed = seed });
            if (!inSample || data.MissingGroup > 0)
            {
                return new BatchRowCorrector(corrector);
            }

            // Every row has a group, so row i of the data is row i of the file (the tie-breaking draw's index).
            var fair = new double[data.Scores.Length];
            corrector.Apply(data.Scores, data.Groups, fair);
            return new BatchRowCorrector(corrector, data.Scores, fair);
        }
        catch (ArgumentException ex)
        {
            throw new CsvInputException(calibrationPath, 0, 0, null, $"cannot calibrate: {ex.Message}");
        }
    }

    /// <inheritdoc/>
    public string? Reject(string group)
    {
        // The reader interns group keys: the first ones accepted are found again by reference, without a hash.
        foreach (var accepted in _accepted)
        {
            if (ReferenceEquals(accepted, group))
            {
                return null;
            }
        }

        if (!_known.Contains(group))
        {
            return $"group '{group}' is not in the calibration data (known: {string.Join(", ", _corrector.Groups)})";
        }

        if (_accepted.Count < 8)
        {
            _accepted.Add(group);
        }

        return null;
    }

    /// <inheritdoc/>
    public double Correct(double score, string group, long rowIndex) =>
        _fair is { } fair && rowIndex < fair.Length && _scores![rowIndex].Equals(score) ? fair[rowIndex] : _corrector.Apply(score, group, rowIndex);

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
