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
        json.WriteString("favorable", outcome.Settings.Favorable == Metrics.FavorableOutcome.Low ? "low" : "high");
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
            var rep = overall.Report;
            json.WriteString("task", rep.Kind == Metrics.LabelMetricKind.Classification ? "classification" : "regression");
            json.WriteString("reference", rep.Reference);
            Number(json, "equalOpportunityDifference", rep.EqualOpportunityDifference);
            Number(json, "equalizedOddsDifference", rep.EqualizedOddsDifference);
            Number(json, "intervalConfidence", rep.Confidence);
            json.WriteStartArray("groups");
            foreach (var g in rep.Groups.Append(rep.Overall))
            {
                json.WriteStartObject();
                if (ReferenceEquals(g, rep.Overall))
                {
                    json.WriteNull("group");
                }
                else
                {
                    json.WriteString("group", g.Group);
                }

                json.WriteNumber("n", g.Count);
                Rate(json, "tpr", g.TruePositiveRate);
                Rate(json, "fpr", g.FalsePositiveRate);
                Rate(json, "fnr", g.FalseNegativeRate);
                Rate(json, "precision", g.Precision);
                Rate(json, "accuracy", g.Accuracy);
                if (rep.Kind == Metrics.LabelMetricKind.Regression)
                {
                    Number(json, "mse", g.MeanSquaredError);
                    Number(json, "mae", g.MeanAbsoluteError);
                }

                if (!ReferenceEquals(g, rep.Overall))
                {
                    Number(json, "tprDisparity", rep.TprDisparity(g));
                    Number(json, "fprDisparity", rep.FprDisparity(g));
                    Number(json, "errorDisparity", rep.ErrorDisparity(g));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteNumber("minGroupSize", outcome.MinGroupSize);
        json.WriteStartArray("insufficientGroups");
        foreach (var g in outcome.InsufficientGroups)
        {
            json.WriteStringValue(g.Group);
        }

        json.WriteEndArray();
        json.WriteString("verdict", outcome.VerdictWord);
        json.WriteBoolean("violation", outcome.Violation);
        json.WriteEndObject();
    }

    private static void Rate(Utf8JsonWriter json, string name, Metrics.RateEstimate? rate)
    {
        if (rate is null)
        {
            return;
        }

        json.WriteStartObject(name);
        Number(json, "value", rate.Value);
        Number(json, "low", rate.Low);
        Number(json, "high", rate.High);
        json.WriteNumber("count", rate.Successes);
        json.WriteNumber("of", rate.Trials);
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
