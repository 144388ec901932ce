using FairnessGuard.Correction;

namespace FairnessGuard.ML.Tests;

/// <summary>The compact (knot) table a large calibration group gets, against the exact table on the same rows.</summary>
public class RankTableTests
{
    [Fact]
    public void Knot_table_stays_within_its_stated_error_of_the_exact_map_and_is_exact_at_knots_and_outside_the_range()
    {
        // Two groups of 3,000 and 5,000 continuous scores; 64 knots per group, so the table is compact.
        var random = new Random(5);
        var values = new double[8000];
        var cells = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            cells[i] = i % 8 < 3 ? 0 : 1;
            values[i] = (cells[i] * 0.4) + Synthetic.Gaussian(random);
        }

        var exact = new RankTable(values, cells, 2, strength: 1, seed: 7, exactLimit: int.MaxValue);
        var compact = new RankTable(values, cells, 2, strength: 1, seed: 7, exactLimit: 1000, knots: 64);
        Assert.Equal(0, exact.MaxKnotError);

        // The stated error in score units: |interpolated − exact| ≤ MaxKnotError (the largest image gap across one
        // knot interval; positive because the table is compact, and widest in the tails, where 1/63 of the ranks
        // spans a wide range of scores — the rank statement is the next test's).
        Assert.True(compact.MaxKnotError > 0);
        var probes = Enumerable.Range(0, 20_000).Select(_ => -4 + (8.8 * random.NextDouble())).ToArray();
        for (var g = 0; g < 2; g++)
        {
            var previous = double.NegativeInfinity;
            foreach (var y in probes.Order())
            {
                var a = compact.Apply(y, g, 0);
                var e = exact.Apply(y, g, 0);
                Assert.True(Math.Abs(a - e) <= compact.MaxKnotError + 1e-12, $"group {g}, y {y}: compact {a}, exact {e}, bound {compact.MaxKnotError}");
                Assert.True(a >= previous - 1e-12, $"group {g}: the compact map must be monotone at {y}");
                previous = a;
            }
        }

        // Calibration values (the knots among them are atoms and go to the exact corrector), and the range ends.
        for (var i = 0; i < values.Length; i += 7)
        {
            Assert.True(Math.Abs(compact.Apply(values[i], cells[i], i) - exact.Apply(values[i], cells[i], i)) <= compact.MaxKnotError + 1e-12);
        }

        var min = values.Where((_, i) => cells[i] == 0).Min();
        var max = values.Where((_, i) => cells[i] == 0).Max();
        Assert.Equal(exact.Apply(min, 0, 3), compact.Apply(min, 0, 3));
        Assert.Equal(exact.Apply(max, 0, 4), compact.Apply(max, 0, 4));
        Assert.Equal(exact.Apply(min - 1, 0, 0), compact.Apply(min - 1, 0, 0));
        Assert.Equal(exact.Apply(max + 1, 0, 0), compact.Apply(max + 1, 0, 0));
    }

    [Fact]
    public void Knot_table_keeps_the_corrected_groups_within_the_rank_error_of_parity()
    {
        // The corrected scores of fresh rows: the knot table's rank error 1/(K − 1) adds to the DKW bands.
        var random = new Random(9);
        double Draw(int g) => (g * 0.8) + Synthetic.Gaussian(random);
        var cells = Enumerable.Range(0, 40_000).Select(i => i % 4 == 0 ? 0 : 1).ToArray();
        var values = cells.Select(Draw).ToArray();
        var table = new RankTable(values, cells, 2, strength: 1, seed: 1, exactLimit: 1000, knots: 256);
        var fresh = Enumerable.Range(0, 2).Select(g => Enumerable.Range(0, g == 0 ? 10_000 : 30_000).Select(_ => table.Apply(Draw(g), g, 0)).Order().ToArray()).ToArray();
        var raw = Synthetic.Ks([.. Enumerable.Range(0, 10_000).Select(_ => Draw(0))], [.. Enumerable.Range(0, 30_000).Select(_ => Draw(1))]);

        // DKW at δ = 10⁻³ over four bands (calibration 10,000 / 30,000, fresh the same), 2/n for ranks, 2/(K − 1).
        double Eps(double n) => Math.Sqrt(Math.Log(2 / 2.5e-4) / (2 * n));
        var bound = (2 * (Eps(10_000) + Eps(30_000))) + (2.0 / 10_000) + (2.0 / 255);
        Assert.True(raw > bound, $"raw KS {raw} must exceed {bound}");
        Assert.True(Synthetic.Ks(fresh[0], fresh[1]) <= bound, $"KS {Synthetic.Ks(fresh[0], fresh[1])} > {bound}");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.7)]
    public void Exact_tables_and_every_atom_equal_the_exact_corrector_bit_for_bit(double strength)
    {
        // Scores rounded to 1/64 (many atoms, ties across groups, and ±0), three groups of which one is above the
        // exact-table limit used here (a compact table, whose knots are atoms too), and a group large enough for
        // the radix sort. Off the knots of a compact table the map is interpolated (the first test's bound), so
        // the probes are the calibration values themselves, fresh values for the exact groups, and the range ends.
        var random = new Random(11);
        var cells = Enumerable.Range(0, 30_000).Select(i => i % 10 < 2 ? 0 : i % 10 < 5 ? 1 : 2).ToArray();
        var values = cells.Select(g => Math.Round(((g * 0.5) + Synthetic.Gaussian(random)) * 64) / 64).ToArray();
        values[7] = -0.0;
        var corrector = ExactBarycenterCorrector<int>.Fit(values, cells, new BarycenterOptions { Strength = strength, Seed = 13 });
        var table = new RankTable(values, cells, 3, strength, seed: 13, exactLimit: 9_000, knots: 512);
        Assert.True(table.MaxKnotError > 0);

        var atoms = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var atom = !table.TryApply(values[i], cells[i], out _);
            atoms += atom ? 1 : 0;
            if (cells[i] < 2 || atom)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(corrector.Apply(values[i], cells[i], i)), BitConverter.DoubleToInt64Bits(table.Apply(values[i], cells[i], i)));
            }
        }

        Assert.True(atoms > 10_000, $"only {atoms} atoms were checked");
        for (var k = 0; k < 5_000; k++)
        {
            var g = k % 2;
            var y = (g * 0.5) + (1.2 * Synthetic.Gaussian(random));
            Assert.Equal(BitConverter.DoubleToInt64Bits(corrector.Apply(y, g, k)), BitConverter.DoubleToInt64Bits(table.Apply(y, g, k)));
        }

        Assert.Equal(corrector.Apply(-100, 2, 0), table.Apply(-100, 2, 0));
        Assert.Equal(corrector.Apply(100, 2, 0), table.Apply(100, 2, 0));
    }
}
