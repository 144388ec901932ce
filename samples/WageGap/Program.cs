using System.Globalization;
using System.Text.Json;
using FairnessGuard.Cli;
using WageGap;

// CPS 2008 (61,395 workers): a wage model that never sees gender, audited and corrected with the
// fairness-guard command line. Thirds: train the model, calibrate the correction, audit and correct.
// The CI gate uses --tolerance 0.02: the gap in predicted wages is smaller than in true earnings but real
// (its DKW lower bound is above 0.02 on 20,000 rows).
var data = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "data", "cpssw8.csv");
var outDir = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "out")).FullName;
var workers = WageModel.Load(data);
new Random(2008).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(workers));
var third = workers.Count / 3;
var model = WageModel.Fit(workers[..third]);
var calibration = Path.Combine(outDir, "calibration.csv");
var predictions = Path.Combine(outDir, "predictions.csv");
var corrected = Path.Combine(outDir, "predictions_fair.csv");
var report = Path.Combine(outDir, "wagegap-report.html");
model.WritePredictions(calibration, workers[third..(2 * third)]);
model.WritePredictions(predictions, workers[(2 * third)..]);

Console.WriteLine("== fairness-guard audit: the model's predicted wage by gender (it never saw gender) ==");
var gate = Cli("audit", predictions, "--group", "gender", "--score", "predicted_wage", "--label", "earnings", "--threshold", "20", "--tolerance", "0.02", "--report", report);
Console.WriteLine($"exit code {gate}");
Console.WriteLine();
Console.WriteLine("== fairness-guard correct --mode batch, calibrated on a held-out third ==");
Cli("correct", predictions, "--group", "gender", "--score", "predicted_wage", "--output", corrected, "--mode", "batch", "--calibration", calibration);
Console.WriteLine();
Console.WriteLine("== fairness-guard audit of the corrected column ==");
gate = Cli("audit", corrected, "--group", "gender", "--score", "predicted_wage_fair", "--label", "earnings", "--threshold", "20", "--tolerance", "0.02");
Console.WriteLine($"exit code {gate}");
Console.WriteLine();

var truth = Json(predictions, "earnings");
var before = Json(predictions, "predicted_wage");
var after = Json(corrected, "predicted_wage_fair");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"True earnings gap (male − female mean): ${Gap(truth):0.00}/h, KS {Ks(truth):0.0000}."));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Predicted wage gap (male − female mean): ${Gap(before):0.00}/h before, ${Gap(after):0.00}/h after; " +
    $"KS unfairness {Ks(before):0.0000} -> {Ks(after):0.0000}; DP ratio at $20/h {Ratio(before):0.000} -> {Ratio(after):0.000}."));
Console.WriteLine($"HTML report: {report}");

static int Cli(params string[] args) => FairnessGuardCli.Run(args, Console.Out, Console.Error);

static JsonElement Json(string file, string score)
{
    using var text = new StringWriter(CultureInfo.InvariantCulture);
    FairnessGuardCli.Run(["audit", file, "--group", "gender", "--score", score, "--threshold", "20", "--format", "json"], text, Console.Error);
    return JsonDocument.Parse(text.ToString()).RootElement.Clone();
}

static double Mean(JsonElement audit, string group) =>
    audit.GetProperty("groups").EnumerateArray().First(g => g.GetProperty("group").GetString() == group).GetProperty("mean").GetDouble();

static double Gap(JsonElement audit) => Mean(audit, "male") - Mean(audit, "female");

static double Ks(JsonElement audit) => audit.GetProperty("ksUnfairness").GetDouble();

static double Ratio(JsonElement audit) => audit.GetProperty("dpRatio").GetDouble();
