using System.Globalization;
using CsvHelper;
using FairnessGuard.Cli;
using ResumeCallbacks;

// Bertrand & Mullainathan (2004): identical resumes under white- or Black-sounding names. A call-back
// model trained on half the resumes without gender or ethnicity, keeping the first name, is audited on
// the other half with the fairness-guard command line: the name carries the gap back into the scores.
var data = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "data", "resumenames.csv");
var outDir = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "out")).FullName;
var resumes = Resume.Load(data);
new Random(2004).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(resumes));
var half = resumes.Count / 2;
var model = CallbackModel.Fit(resumes[..half]);

var predictions = Path.Combine(outDir, "callbacks.csv");
using (var writer = new StreamWriter(predictions))
using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
{
    csv.WriteField(new[] { "name", "gender", "ethnicity", "call", "p_call" });
    csv.NextRecord();
    foreach (var r in resumes[half..])
    {
        csv.WriteField(new[] { r.FirstName, r.Gender, r.Ethnicity, r.CalledBack ? "yes" : "no" });
        csv.WriteField(model.Predict(r));
        csv.NextRecord();
    }
}

// Interview when the predicted call-back probability is at least the experiment's overall rate (8 %).
var threshold = "0.08";
Console.WriteLine("== fairness-guard audit by ethnicity (the model never saw it) ==");
var code = FairnessGuardCli.Run(["audit", predictions, "--group", "ethnicity", "--score", "p_call", "--label", "call", "--threshold", threshold,
    "--report", Path.Combine(outDir, "callbacks-report.html")], Console.Out, Console.Error);
Console.WriteLine($"exit code {code}");
Console.WriteLine();
Console.WriteLine("== by gender and ethnicity ==");
code = FairnessGuardCli.Run(["audit", predictions, "--group", "gender", "--group", "ethnicity", "--score", "p_call", "--threshold", threshold], Console.Out, Console.Error);
Console.WriteLine($"exit code {code}");
Console.WriteLine($"HTML report: {Path.Combine(outDir, "callbacks-report.html")}");
