using System.Buffers;
using System.Buffers.Binary;
using FairnessGuard.Sketches;

namespace FairnessGuard.Tests.Sketches;

/// <summary>Round trips, and rejection of every kind of bad input with a FormatException and no sketch.</summary>
public class QuantileSketchSerializationTests
{
    // Offsets of the header fields (docs/sketch.md).
    private const int VersionOffset = 4;
    private const int CountOffset = 12;
    private const int MinOffset = 28;
    private const int MaxOffset = 36;
    private const int HeaderSize = 52;

    [Fact]
    public void RoundTripGivesIdenticalAnswersAndContinuesIdentically()
    {
        var data = SketchData.Bimodal(300_000, 31);
        var original = SketchData.Sketch(data, seed: 77);
        var bytes = original.Serialize();

        var copy = QuantileSketch.Deserialize(bytes);

        Assert.Equal(original.Count, copy.Count);
        Assert.Equal(original.K, copy.K);
        Assert.Equal(original.Min, copy.Min);
        Assert.Equal(original.Max, copy.Max);
        Assert.Equal(original.IsExact, copy.IsExact);
        Assert.Equal(original.RetainedItems, copy.RetainedItems);
        Assert.Equal(original.EstimatedBytes, copy.EstimatedBytes);
        Assert.Equal(original.GetRankErrorBound(0.99), copy.GetRankErrorBound(0.99));
        foreach (var x in SketchData.RankGrid(SketchData.Sorted(data), 500))
        {
            Assert.Equal(original.GetRank(x), copy.GetRank(x));
            Assert.Equal(original.GetRankExclusive(x), copy.GetRankExclusive(x));
        }

        for (var r = 0.0; r <= 1; r += 0.01)
        {
            Assert.Equal(original.GetQuantile(r), copy.GetQuantile(r));
        }

        // The generator state travels too: both continue with the same coin flips.
        foreach (var x in SketchData.Normal(50_000, 32))
        {
            original.Update(x);
            copy.Update(x);
        }

        Assert.Equal(original.Serialize(), copy.Serialize());
    }

    [Fact]
    public void EmptyAndExactSketchesRoundTrip()
    {
        var empty = QuantileSketch.Deserialize(new QuantileSketch(16).Serialize());
        Assert.True(empty.IsEmpty);
        Assert.Equal(16, empty.K);
        Assert.True(double.IsNaN(empty.Min));

        var exact = QuantileSketch.Deserialize(SketchData.Sketch([3, 1, 2]).Serialize());
        Assert.True(exact.IsExact);
        Assert.Equal(2 / 3.0, exact.GetRank(2));
    }

    [Fact]
    public void WriteToProducesTheSameBytesAsSerialize()
    {
        var sketch = SketchData.Sketch(SketchData.Cauchy(100_000, 33));
        var writer = new ArrayBufferWriter<byte>();
        writer.Write(new byte[] { 0xAA });

        sketch.WriteTo(writer);

        Assert.Equal(sketch.Serialize(), writer.WrittenSpan[1..].ToArray());
    }

    [Fact]
    public void EveryTruncationIsRejected()
    {
        var bytes = SketchData.Sketch(SketchData.Normal(20_000, 34)).Serialize();
        for (var length = 0; length < bytes.Length; length++)
        {
            AssertRejected(bytes.AsSpan(0, length).ToArray(), length < 64 ? "shorter" : null);
        }

        AssertRejected([.. bytes, 0], "padded");
    }

    [Fact]
    public void ForeignMagicWrongVersionAndCorruptionAreRejectedWithClearMessages()
    {
        var valid = SketchData.Sketch(SketchData.Normal(20_000, 35)).Serialize();

        AssertRejected(Mutate(valid, b => b[0] ^= 0xFF), "magic");
        AssertRejected(Mutate(valid, b => b[VersionOffset] = 2, restamp: true), "version 2");
        AssertRejected(Mutate(valid, b => b[^9] ^= 1), "checksum");

        // Sign bits of the last two items (the top byte of each little-endian double).
        AssertRejected(Mutate(valid, b => { b[^9] ^= 0x80; b[^17] ^= 0x80; }), "checksum");
    }

    [Fact]
    public void InconsistentFieldsAreRejectedEvenWithAValidChecksum()
    {
        var valid = SketchData.Sketch(SketchData.Normal(20_000, 36)).Serialize();
        var levels = valid[5];
        var firstItem = HeaderSize + (4 * levels);
        var level0Size = (int)BinaryPrimitives.ReadUInt32LittleEndian(valid.AsSpan(HeaderSize));
        var firstSortedItem = firstItem + (8 * level0Size);

        AssertRejected(Mutate(valid, b => BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(CountOffset), 20_001), restamp: true), "count");
        AssertRejected(Mutate(valid, b => BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(firstItem), double.NaN), restamp: true), "not finite");
        AssertRejected(Mutate(valid, b => BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(MinOffset), 5), restamp: true), "min");
        AssertRejected(Mutate(valid, b => BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(MaxOffset), double.PositiveInfinity), restamp: true), "finite");
        AssertRejected(Mutate(valid, b => BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(firstSortedItem), 1e-300 + BinaryPrimitives.ReadDoubleLittleEndian(b.AsSpan(firstSortedItem + 8)) + 1), restamp: true), "sorted");
        AssertRejected(Mutate(valid, b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(6), 4), restamp: true), "k = 4");
        AssertRejected(Mutate(valid, b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(8), 300), restamp: true), "min k");
        AssertRejected(Mutate(valid, b => b[10] = 1, restamp: true), "reserved");
        AssertRejected(Mutate(valid, b => BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(44), 0), restamp: true), "variance");
        AssertRejected(Mutate(valid, b => b[5] = 0, restamp: true), "level count");
    }

    [Fact]
    public void ThousandsOfRandomMutationsAreAllRejected()
    {
        var valid = SketchData.Sketch(SketchData.Tied(30_000, 37)).Serialize();
        var random = new Random(38);
        for (var trial = 0; trial < 3000; trial++)
        {
            var bytes = (byte[])valid.Clone();
            var changes = 1 + random.Next(4);
            for (var c = 0; c < changes; c++)
            {
                var position = random.Next(bytes.Length);
                var original = bytes[position];
                while (bytes[position] == original)
                {
                    bytes[position] = (byte)random.Next(256);
                }
            }

            AssertRejected(bytes, null);
        }

        for (var trial = 0; trial < 1000; trial++)
        {
            var garbage = new byte[random.Next(200)];
            random.NextBytes(garbage);
            AssertRejected(garbage, null);
        }
    }

    private static byte[] Mutate(byte[] valid, Action<byte[]> change, bool restamp = false)
    {
        var bytes = (byte[])valid.Clone();
        change(bytes);
        if (restamp)
        {
            QuantileSketch.StampChecksum(bytes);
        }

        return bytes;
    }

    private static void AssertRejected(byte[] bytes, string? messagePart)
    {
        Assert.False(QuantileSketch.TryDeserialize(bytes, out var sketch, out var error));
        Assert.Null(sketch);
        var thrown = Assert.Throws<SketchFormatException>(() => QuantileSketch.Deserialize(bytes));
        Assert.IsAssignableFrom<FormatException>(thrown);
        Assert.Equal(error, thrown.Message);
        if (messagePart is not null)
        {
            Assert.Contains(messagePart, error, StringComparison.Ordinal);
        }
    }
}
