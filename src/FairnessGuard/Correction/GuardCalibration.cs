using System.Globalization;
using System.Text;

namespace FairnessGuard.Correction;

/// <summary>
/// Held-out calibration outputs and their groups, to prime a guard (<see cref="Guard.ParityGuard{TGroup}.Prime(GuardCalibration, Func{string, TGroup})"/>,
/// <see cref="Guard.ParityGuardOptions.CalibrationFile"/>). Written by <c>fairness-guard fit</c> and by
/// <see cref="Correction.ExactBarycenterCorrector{TGroup}.ToCalibration"/>.
/// </summary>
/// <remarks>
/// The file is UTF-8 text: the line <c># fairness-guard calibration v1</c>, the header <c>group,output</c>, then
/// one row per output: the group's label (in double quotes, with <c>""</c> for a quote, when it holds a comma,
/// a quote, or leading or trailing spaces) and the output in invariant culture, round-trip precision. Only
/// finite outputs are written; labels may not contain line breaks.
/// </remarks>
public sealed class GuardCalibration
{
    /// <summary>The first line of every calibration file.</summary>
    public const string Magic = "# fairness-guard calibration v1";

    /// <summary>The column header, the second line.</summary>
    public const string Header = "group,output";

    private readonly string[] _groups;
    private readonly double[] _outputs;

    private GuardCalibration(string[] groups, double[] outputs)
    {
        _groups = groups;
        _outputs = outputs;
    }

    /// <summary>Each row's group label.</summary>
    public IReadOnlyList<string> Groups => _groups;

    /// <summary>Each row's output (finite).</summary>
    public IReadOnlyList<double> Outputs => _outputs;

    /// <summary>The number of rows.</summary>
    public int Count => _outputs.Length;

    /// <summary>Calibration rows from outputs and their groups (labels are the keys' text); non-finite outputs are left out.</summary>
    /// <typeparam name="TGroup">The group key.</typeparam>
    /// <param name="outputs">Held-out model outputs.</param>
    /// <param name="groups">Their groups.</param>
    /// <returns>The calibration set.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, a group is null or its label has a line break.</exception>
    public static GuardCalibration Create<TGroup>(ReadOnlySpan<double> outputs, ReadOnlySpan<TGroup> groups)
        where TGroup : notnull
    {
        if (outputs.Length != groups.Length)
        {
            throw new ArgumentException($"outputs has {outputs.Length} rows but groups has {groups.Length}.", nameof(groups));
        }

        var labels = new List<string>(outputs.Length);
        var values = new List<double>(outputs.Length);
        for (var i = 0; i < outputs.Length; i++)
        {
            if (!double.IsFinite(outputs[i]))
            {
                continue;
            }

            var label = groups[i]?.ToString() ?? throw new ArgumentException($"The group at row {i} is null.", nameof(groups));
            if (label.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new ArgumentException($"The group label at row {i} contains a line break.", nameof(groups));
            }

            labels.Add(label);
            values.Add(outputs[i]);
        }

        return new GuardCalibration([.. labels], [.. values]);
    }

    /// <summary>Reads a calibration file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The calibration set.</returns>
    /// <exception cref="GuardCalibrationFormatException">The file is not a valid calibration file; the message names the line.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static GuardCalibration Load(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        return Read(reader, path);
    }

    /// <summary>Reads calibration rows from text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The source's name, for error messages.</param>
    /// <returns>The calibration set.</returns>
    /// <exception cref="GuardCalibrationFormatException">The text is not a valid calibration file.</exception>
    public static GuardCalibration Read(TextReader reader, string source = "calibration")
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadLine()?.TrimEnd() != Magic)
        {
            throw new GuardCalibrationFormatException($"{source}, line 1: expected '{Magic}'.");
        }

        if (reader.ReadLine()?.Trim() != Header)
        {
            throw new GuardCalibrationFormatException($"{source}, line 2: expected the header '{Header}'.");
        }

        var labels = new List<string>();
        var values = new List<double>();
        var line = 2;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var (label, rest) = SplitLabel(text, source, line);
            if (!double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new GuardCalibrationFormatException($"{source}, line {line}: the output must be a finite number (got '{Clip(rest)}').");
            }

            labels.Add(label);
            values.Add(value);
        }

        return new GuardCalibration([.. labels], [.. values]);
    }

    /// <summary>Writes the calibration file (through a temporary file, replaced at the end).</summary>
    /// <param name="path">The file.</param>
    public void Save(string path)
    {
        var temp = path + ".tmp";
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
        {
            Write(writer);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Writes the calibration rows as text.</summary>
    /// <param name="writer">Where to write.</param>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Magic);
        writer.WriteLine(Header);
        for (var i = 0; i < _outputs.Length; i++)
        {
            writer.Write(Quote(_groups[i]));
            writer.Write(',');
            writer.WriteLine(_outputs[i].ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static string Quote(string label) =>
        label.Length > 0 && label.AsSpan().IndexOfAny(',', '"') < 0 && !char.IsWhiteSpace(label[0]) && !char.IsWhiteSpace(label[^1])
            ? label
            : "\"" + label.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static (string Label, string Value) SplitLabel(string text, string source, int line)
    {
        if (!text.StartsWith('"'))
        {
            var comma = text.LastIndexOf(',');
            return comma <= 0
                ? throw new GuardCalibrationFormatException($"{source}, line {line}: expected 'group,output'.")
                : (text[..comma], text[(comma + 1)..]);
        }

        var label = new StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] != '"')
            {
                label.Append(text[i]);
            }
            else if (i + 1 < text.Length && text[i + 1] == '"')
            {
                label.Append('"');
                i++;
            }
            else
            {
                return i + 1 < text.Length && text[i + 1] == ','
                    ? (label.ToString(), text[(i + 2)..])
                    : throw new GuardCalibrationFormatException($"{source}, line {line}: expected a comma after the quoted group.");
            }
        }

        throw new GuardCalibrationFormatException($"{source}, line {line}: unclosed quote in the group.");
    }

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

/// <summary>A calibration file that cannot be read; the message names the source and line.</summary>
public sealed class GuardCalibrationFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, and where.</param>
    public GuardCalibrationFormatException(string message)
        : base(message)
    {
    }
}
