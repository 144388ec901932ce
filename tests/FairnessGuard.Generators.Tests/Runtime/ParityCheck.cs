using FairnessGuard.Distributions;
using FairnessGuard.Metrics;

namespace FairnessGuard.Generators.Tests.Runtime;

/// <summary>
/// Feeds two groups with different score distributions through a guarded method, freezes the map, then
/// measures raw and returned scores on fresh samples.
/// </summary>
/// <remarks>
/// The bound on the returned KS, with failure probability δ = 1e-3 split over four DKW bands: the map is
/// built from <see cref="WarmUpPerGroup"/> samples per group, so each group's corrected CDF is within its
/// band ε(n_w) of the barycenter's (two groups: 2·ε(n_w)); the measured empirical CDFs add 2·ε(n_m); the
/// sketch's rank error adds 2·3.26/k (k = 1,000) and the knots' rank resolution 2/(K − 1) (K = 512).
/// </remarks>
internal static class ParityCheck
{
    public const int WarmUpPerGroup = 20_000;
    public const int MeasurePerGroup = 4_000;
    private const double Delta = 1e-3;

    public static double Bound { get; } =
        (2 * DkwBound.Epsilon(WarmUpPerGroup, Delta / 4))
        + (2 * DkwBound.Epsilon(MeasurePerGroup, Delta / 4))
        + (2 * 3.26 / 1000)
        + (2.0 / 511);

    /// <summary>Group A ~ N(0, 1), group B ~ 1 + 1.5·N(0, 1): population KS ≈ 0.343.</summary>
    public static Applicant Draw(Random random, Race race)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return new Applicant(race == Race.A ? normal : 1 + (1.5 * normal), race, random.Next(2) == 0 ? "F" : "M");
    }

    public static async Task<(double RawKs, double ReturnedKs)> RunAsync(Func<Applicant, ValueTask<double>> score, Action freezeMap, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 2 * WarmUpPerGroup; i++)
        {
            await score(Draw(random, (Race)(i % 2)));
        }

        freezeMap();
        var raw = new[] { new List<double>(), new List<double>() };
        var returned = new[] { new List<double>(), new List<double>() };
        for (var i = 0; i < 2 * MeasurePerGroup; i++)
        {
            var applicant = Draw(random, (Race)(i % 2));
            raw[i % 2].Add(applicant.Income);
            returned[i % 2].Add(await score(applicant));
        }

        return (Ks(raw[0], raw[1]), Ks(returned[0], returned[1]));
    }

    /// <summary>The raw scores are measurably unfair and the returned ones are within the bound.</summary>
    public static void AssertCorrected(double rawKs, double returnedKs)
    {
        Assert.True(rawKs > Bound, $"raw KS {rawKs} should exceed {Bound}");
        Assert.True(returnedKs <= Bound, $"returned KS {returnedKs} should be within {Bound}");
    }

    private static double Ks(List<double> a, List<double> b)
    {
        var x = a.Order().ToArray();
        var y = b.Order().ToArray();
        return Distance.KolmogorovSmirnov(x, y);
    }
}
