using System.Globalization;
using MlNetLoans;

// Boston HMDA mortgage applications (Munnell et al. 1996) with ML.NET: models trained without race, approval
// measured by race on a held-out test split, before and after FairnessGuard.ML.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args.Length > 0 && args[0] == "resumenames")
{
    // Bertrand & Mullainathan's resumes: call-back without ethnicity, each model calling back the top share.
    var (models, rate) = ResumeStudy.Run(args.Length > 1 ? args[1] : Path.Combine(AppContext.BaseDirectory, "data", "resumenames.csv"));
    Console.WriteLine($"Resume names, train/calibration/test 50/25/25, call back the top {rate:P1} (training call-back rate); ethnicity is never a feature.");
    Console.WriteLine();
    Console.WriteLine($"{"model",-30} {"threshold",10} {"call afam",10} {"call cauc",10} {"4/5 ratio",10} {"accuracy",9} {"TPR afam",9} {"TPR cauc",9} {"TPR gap",8}");
    foreach (var m in models)
    {
        var g = m.Evaluation.Groups.ToDictionary(x => x.Group);
        Console.WriteLine($"{m.Name,-30} {m.Threshold,10:0.000} {g["afam"].SelectionRate,10:P1} {g["cauc"].SelectionRate,10:P1} {m.Evaluation.DpRatio,10:0.000} {m.Accuracy,9:P1} {g["afam"].TruePositiveRate,9:0.000} {g["cauc"].TruePositiveRate,9:0.000} {m.Evaluation.EqualOpportunityDifference,8:0.000}");
    }

    Console.WriteLine();
    Console.WriteLine(string.Join(", ", models[0].Evaluation.Groups.Select(x => $"test {x.Group}: {x.Count} rows")));
    return;
}

var figures = LoanStudy.Run(args.Length > 0 ? args[0] : HmdaRow.DefaultPath);
Console.WriteLine("Boston HMDA, train/calibration/test 50/25/25, approve when Score > 0; race is never a feature.");
Console.WriteLine();
Console.WriteLine($"{"model",-30} {"approve afam",13} {"approve other",14} {"4/5 ratio",10} {"accuracy",9} {"TPR gap",8}");
foreach (var f in figures)
{
    var rates = f.ApprovalRates;
    Console.WriteLine($"{f.Name,-30} {rates["afam"],13:P1} {rates["other"],14:P1} {f.FourFifthsRatio,10:0.000} {f.Accuracy,9:P1} {f.TprGap,8:0.000}");
}

Console.WriteLine();
Console.WriteLine("FastTree + DemographicParity on the test split:");
Console.WriteLine(figures[1].Evaluation);
