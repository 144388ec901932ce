using System.Globalization;
using LoanApproval;

// Boston HMDA mortgage applications (Munnell et al. 1996). The unaware model (LoanApproval.Model) never reads
// race, as the law asks — its build prints FG0001 — and its denials still differ by race. The guarded scorer
// states the rule on the outputs instead: [DemographicParity(nameof(Applicant.Race))] on a partial method.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var result = LoanExperiment.Run(args.Length > 0 ? args[0] : LoanExperiment.DefaultPath);

Console.WriteLine("Mortgage denials, Boston HMDA: a logistic model trained without race on half of the applications;");
Console.WriteLine($"the other half served in order through the guarded scorer; the last {result.Evaluated} evaluated (threshold {result.Threshold:0.000}).");
Console.WriteLine();
Console.WriteLine($"{"group",-8} {"n",5} {"actual",8} {"unaware",8} {"guarded",8}   (denial rates)");
foreach (var g in result.Groups)
{
    Console.WriteLine($"{g.Race,-8} {g.Count,5} {g.Actual,8:P1} {g.Unaware,8:P1} {g.Guarded,8:P1}");
}

Console.WriteLine();
Console.WriteLine($"four-fifths ratio of approval rates: unaware {result.ApprovalRatio(g => g.Unaware):0.000}, guarded {result.ApprovalRatio(g => g.Guarded):0.000}");
Console.WriteLine($"accuracy of decisions:              unaware {result.UnawareAccuracy:P1}, guarded {result.GuardedAccuracy:P1} (cost {(result.UnawareAccuracy - result.GuardedAccuracy) * 100:0.0} points)");
Console.WriteLine($"KS between races' scores (guard's own monitor, whole stream): raw {result.Guard.RawKs:0.000}, returned {result.Guard.ReturnedKs:0.000}");
