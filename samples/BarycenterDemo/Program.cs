using System.Globalization;
using BarycenterDemo;

// The model below never sees gender, as "fairness through unawareness" asks; its outputs still differ by
// gender because age, education and region carry it. The barycenter correction states the rule on the
// outputs instead: the distribution of predicted log earnings must not depend on gender.
var path = args.Length > 0 ? args[0] : CpsWageExperiment.DefaultPath;
var result = CpsWageExperiment.Run(path);
var c = CultureInfo.InvariantCulture;

Console.WriteLine($"CPS 2008 wages ({path}): least-squares model of log earnings without gender,");
Console.WriteLine($"calibrated on one half ({result.Raw.Length} rows), evaluated on the other half.");
Console.WriteLine();
Console.WriteLine("Before correction (the unaware model):");
Console.WriteLine(result.Before);
Console.WriteLine("After the exact Wasserstein-barycenter correction:");
Console.WriteLine(result.After);
Console.WriteLine(string.Create(c, $"KS unfairness {result.Before.KsUnfairness:0.0000} -> {result.After.KsUnfairness:0.0000}"));
Console.WriteLine(string.Create(c, $"MSE (log earnings) {result.MseBefore:0.0000} -> {result.MseAfter:0.0000} ({(result.MseAfter / result.MseBefore - 1) * 100:+0.0;-0.0}%)"));
