using System.Globalization;
using MlNetLoans;

// Boston HMDA mortgage applications (Munnell et al. 1996) with ML.NET: models trained without race, approval
// measured by race on a held-out test split, before and after FairnessGuard.ML.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
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
