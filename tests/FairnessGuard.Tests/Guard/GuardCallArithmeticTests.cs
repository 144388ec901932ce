using FairnessGuard.Guard;
using FairnessGuard.Sketches;

namespace FairnessGuard.Tests.Guard;

/// <summary>
/// The prediction path's shortcuts must give the very bits of the plain forms they replace (the replay tests pin whole
/// streams; these pin the pieces): a stripe's random stream is SplitMix64's, and its signed unit draw is exactly 2u − 1.
/// </summary>
public class GuardCallArithmeticTests
{
    [Fact]
    public void AStripeDrawsSplitMix64sStream()
    {
        foreach (var seed in new[] { 0UL, 1UL, 0x5EEDUL, ulong.MaxValue, ulong.MaxValue - SplitMix64.Golden + 1 })
        {
            var stripe = new IngestStripe(seed);
            var plain = new SplitMix64(seed);
            for (var i = 0; i < 10_000; i++)
            {
                Assert.Equal(plain.Next(), stripe.NextBits());
            }
        }
    }

    [Fact]
    public void SignedUnitIsTwiceTheUnitDrawMinusOneBitForBit()
    {
        var edges = new List<ulong> { 0, 1, 2047, 2048, 1UL << 63, (1UL << 63) - 1, (1UL << 63) + 2048, ulong.MaxValue, ulong.MaxValue - 2048 };
        var random = new SplitMix64(7);
        for (var i = 0; i < 1_000_000; i++)
        {
            edges.Add(random.Next());
        }

        foreach (var bits in edges)
        {
            var plain = (2 * SplitMix64.ToUnitInterval(bits)) - 1;
            Assert.Equal(BitConverter.DoubleToInt64Bits(plain), BitConverter.DoubleToInt64Bits(IngestStripe.SignedUnit(bits)));
        }
    }

    [Fact]
    public void IntAndEnumKeysFoundByIndexAreTheDictionarysGroups()
    {
        var options = new ParityGuardOptions { MaxGroups = 8 }.Freeze();
        var table = new GroupTable<int>(options, 2, _ => { }, _ => { });
        int[] keys = [-1, 0, 5, 1023, 1024, int.MinValue, int.MaxValue, 3, 9, 10];
        foreach (var key in keys.Concat(keys).Concat(keys))
        {
            var state = table.Resolve(key);
            if (table.ByKey.TryGetValue(key, out var keyed))
            {
                Assert.Same(keyed, state);
                Assert.Equal(key.ToString(System.Globalization.CultureInfo.InvariantCulture), state.Label);
            }
            else
            {
                Assert.Same(table.Overflow, state);
            }
        }

        // The cap holds whichever way a key is found: eight keyed groups, then the overflow group.
        Assert.Equal(8, table.ByKey.Count);
        Assert.Equal(9, table.All.Length);

        var byEnum = new GroupTable<DayOfWeek>(options, 2, _ => { }, _ => { });
        foreach (var day in Enum.GetValues<DayOfWeek>().Concat([(DayOfWeek)(-3), (DayOfWeek)2000, DayOfWeek.Monday]))
        {
            var state = byEnum.Resolve(day);
            Assert.Same(byEnum.ByKey.TryGetValue(day, out var keyed) ? keyed : byEnum.Overflow, state);
            Assert.Same(state, byEnum.Resolve(day));
        }
    }
}
