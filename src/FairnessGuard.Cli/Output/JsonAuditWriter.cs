using System.Globalization;
using System.Text;
using System.Text.Json;
using FairnessGuard.Cli.Audit;

namespace FairnessGuard.Cli.Output;

/// <summary>The audit as one JSON object; numbers rounded to 6 decimals, NaN as null, the file by its name.</summary>
internal static class JsonAuditWriter
{
    /// <summary>Writes the audit.</summary>
    public static void Write(AuditOutcome outcome, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            WriteObject(json, outcome);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteObject(Utf8JsonWriter json, AuditOutcome outcome)
    {
        var s = outcome.Settings;
        var r = outcome.Figures;
        json.WriteStartObject();
        json.WriteString("file", Path.GetFileName(s.Path));
        json.WriteString("score", s.Columns.Score);
        json.WriteStartArray("groupColumns");
        foreach (var g in s.Columns.Groups)
        {
            json.WriteStringValue(g);
        }

        json.WriteEndArray();
        json.WriteString("method", r.Method);
        json.WriteNumber("rows", outcome.Rows);
        json.WriteNumber("rowsWithoutGroup", outcome.MissingGroup);
        json.WriteNumber("nonFiniteScores", r.NonFiniteCount);
        json.WriteStartArray("groups");
        for (var i = 0; i < r.Groups.Count; i++)
        {
            var g = r.Groups[i];
            json.WriteStartObject();
            json.WriteString("group", g.Group);
            json.WriteNumber("n", g.Count);
            Number(json, "share", g.Share);
            Number(json, "mean", g.Mean);
            json.WriteStartObject("quantiles");
            for (var q = 0; q < r.QuantileLevels.Count; q++)
            {
                Number(json, r.QuantileLevels[q].ToString(CultureInfo.InvariantCulture), g.Quantiles[q]);
            }

            json.WriteEndObject();
            Number(json, "ksToPool", g.KsToPool);
            Number(json, "w1ToPool", g.W1ToPool);
            Number(json, "selectionRate", g.SelectionRate);
            if (outcome.Labels is { } labels)
            {
                Number(json, labels.Kind, labels.PerGroup[i]);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        Number(json, "ksUnfairness", r.KsUnfairness);
        if (r.KsPair is { } pair)
        {
            json.WriteStartArray("ksPair");
            json.WriteStringValue(pair.First);
            json.WriteStringValue(pair.Second);
            json.WriteEndArray();
        }

        Number(json, "ksLowerBound", r.KsLowerBound);
        Number(json, "confidence", r.Confidence);
        Number(json, "tolerance", s.Tolerance);
        Number(json, "threshold", r.Threshold);
        Number(json, "dpDifference", r.DpDifference);
        Number(json, "dpRatio", r.DpRatio);
        if (r.FailsFourFifths is { } fails)
        {
            json.WriteBoolean("failsFourFifths", fails);
        }

        Number(json, "maxMmdSquared", r.MaxMmdSquared);
        if (outcome.Labels is { } overall)
        {
            json.WriteStartObject("labels");
            json.WriteString("column", s.Columns.Label);
            json.WriteString("kind", overall.Kind);
            Number(json, "overall", overall.Overall);
            json.WriteEndObject();
        }

        json.WriteBoolean("violation", outcome.Violation);
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
