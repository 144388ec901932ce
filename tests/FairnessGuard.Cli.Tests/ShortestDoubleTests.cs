using System.Globalization;
using System.Text;
using FairnessGuard.Cli.Correction;

namespace FairnessGuard.Cli.Tests;

/// <summary>
/// The fast shortest-decimal writer must give the runtime's <c>"R"</c> bytes for every double: checked on millions of
/// values drawn where scores live (uniform bits and uniform values over its fast range, the fair scores of a correction),
/// on short decimals and neighbours of powers of two and ten (where the interval's edges and ties are), and on the
/// values it leaves to the runtime (other magnitudes, zero, subnormals, NaN, infinities).
/// </summary>
public sealed class ShortestDoubleTests
{
    [Fact]
    public void RandomBitsInAndAroundTheFastRangeFormatAsTheRuntime()
    {
        var random = new Random(17);
        var low = BitConverter.DoubleToInt64Bits(Math.Pow(2, -13));
        var high = BitConverter.DoubleToInt64Bits(Math.Pow(2, 12));
        for (var i = 0; i < 2_000_000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64(low, high));
            AssertSame(i % 2 == 0 ? value : -value);
        }
    }

    [Fact]
    public void RandomValuesLikeScoresFormatAsTheRuntime()
    {
        var random = new Random(18);
        for (var i = 0; i < 2_000_000; i++)
        {
            var value = (i % 4) switch
            {
                0 => random.NextDouble(),
                1 => (random.NextDouble() * 2) - 0.5,
                2 => random.NextDouble() * 1000,
                _ => Math.Round(random.NextDouble(), random.Next(1, 8)) * (1 + (0.5 * (random.NextDouble() - 0.5))),
            };
            AssertSame(value);
        }
    }

    [Fact]
    public void ShortDecimalsAndNeighboursOfPowersFormatAsTheRuntime()
    {
        for (var k = 1; k < 200_000; k++)
        {
            foreach (var scale in new[] { 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.5, 1.0 / 3, 1.0 })
            {
                var value = k * scale;
                AssertSame(value);
                AssertSame(Math.BitIncrement(value));
                AssertSame(Math.BitDecrement(value));
            }

            AssertSame(double.Parse(string.Create(CultureInfo.InvariantCulture, $"0.{k}"), CultureInfo.InvariantCulture));
        }

        for (var exponent = -1074; exponent <= 1023; exponent++)
        {
            var power = Math.ScaleB(1, exponent);
            AssertSame(power);
            AssertSame(Math.BitIncrement(power));
            AssertSame(Math.BitDecrement(power));
        }

        for (var exponent = -20; exponent <= 20; exponent++)
        {
            var power = Math.Pow(10, exponent);
            AssertSame(power);
            AssertSame(Math.BitIncrement(power));
            AssertSame(Math.BitDecrement(power));
        }
    }

    [Fact]
    public void ValuesLeftToTheRuntimeFormatAsTheRuntime()
    {
        foreach (var value in new[]
        {
            0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue,
            double.MinValue, 1e-5, 1e15, 1e16, 123456789012345678.0, 0.00048828125, 1024, 1023.9999999999999, 1e-300,
        })
        {
            AssertSame(value);
        }
    }

    [Fact]
    public void NearlyEveryScoreTakesTheFastPath()
    {
        // Only an exact tie between two nearest decimals or an interval edge on a decimal falls back: a random double
        // is in neither case but by a chance far below one in a thousand.
        var random = new Random(19);
        Span<byte> text = stackalloc byte[ShortestDouble.MaxBytes];
        var fast = 0;
        for (var i = 0; i < 1_000_000; i++)
        {
            fast += ShortestDouble.TryFast(0.125 + (0.875 * random.NextDouble()), text, out _) ? 1 : 0;
        }

        Assert.InRange(fast, 999_000, 1_000_000);
    }

    private static void AssertSame(double value)
    {
        Span<byte> fast = stackalloc byte[ShortestDouble.MaxBytes];
        var written = ShortestDouble.Format(value, fast);
        var expected = value.ToString("R", CultureInfo.InvariantCulture);
        if (!fast[..written].SequenceEqual(Encoding.ASCII.GetBytes(expected)))
        {
            Assert.Fail($"{BitConverter.DoubleToInt64Bits(value):X16}: runtime '{expected}', fast '{Encoding.ASCII.GetString(fast[..written])}'");
        }
    }
}
