namespace FairnessGuard.Storage.ReplicaHost;

/// <summary>
/// The seeded stream a replica is fed: groups drawn by the replica's mix, outputs normal with a per-group
/// mean and spread. Tests regenerate the same streams to build the union.
/// </summary>
public static class ReplicaStream
{
    /// <summary>The groups and their output distributions (mean, standard deviation).</summary>
    public static readonly (string Group, double Mean, double Sd)[] Groups = [("A", 0.0, 1.0), ("B", 0.6, 1.3), ("C", -0.4, 0.7)];

    /// <summary>The first <paramref name="count"/> (group, output) pairs of a replica's stream.</summary>
    /// <param name="seed">The replica's stream seed.</param>
    /// <param name="mix">The share of each group in <see cref="Groups"/> order (sums to 1).</param>
    /// <param name="count">How many pairs.</param>
    /// <returns>The pairs.</returns>
    public static IEnumerable<(string Group, double Output)> Generate(int seed, double[] mix, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var u = random.NextDouble();
            var g = 0;
            while (g < mix.Length - 1 && u >= mix[g])
            {
                u -= mix[g];
                g++;
            }

            // Box–Muller: two uniforms, one standard normal.
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            yield return (Groups[g].Group, Groups[g].Mean + (Groups[g].Sd * z));
        }
    }

    /// <summary>Parses a mix written as "0.6,0.3,0.1".</summary>
    /// <param name="text">The mix.</param>
    /// <returns>The shares.</returns>
    public static double[] ParseMix(string text) =>
        [.. text.Split(',').Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];
}
