using FairnessGuard.ML.Data;

namespace FairnessGuard.ML.Tests;

/// <summary>The text group lookup of the transform: slot table, scan and dictionary give the same indices.</summary>
public class TextIndexReaderTests
{
    [Theory]
    [InlineData("a,b,c,d")] // distinct slots: the table
    [InlineData("north,south,east,west,north-east")]
    [InlineData("ab,ba,a,b")] // anagrams and prefixes
    [InlineData("g0,g1,g2,g3,g4,g5,g6,g7,g8,g9,g10")] // over the scan limit
    public void Every_vocabulary_value_reads_as_its_index_and_anything_else_as_unseen(string vocabulary)
    {
        var values = vocabulary.Split(',');
        var current = ReadOnlyMemory<char>.Empty;
        var reader = new TextIndexReader((ref ReadOnlyMemory<char> v) => v = current, values);
        for (var i = 0; i < values.Length; i++)
        {
            // A value inside a longer buffer, as text loaders hand it over.
            current = ("[" + values[i] + "]").AsMemory(1, values[i].Length);
            Assert.Equal(i, reader.Read());
        }

        foreach (var unseen in new[] { "", "x", "A", "north-wes", "nort", "aa", "bb", "g11", "a ", " a", "ba" + "x" })
        {
            current = unseen.AsMemory();
            Assert.Equal(Array.IndexOf(values, unseen), reader.Read());
        }
    }

    [Fact]
    public void Values_sharing_a_slot_fall_back_to_the_compare_path()
    {
        // Two values in one slot of (first·7 + last·3 + length) mod 256: the reader must not use the table.
        var first = "a0";
        var second = Enumerable.Range(0, 1 << 16).Select(c => "b" + (char)c).First(s => Slot(s) == Slot(first));
        string[] values = [first, second, "z"];
        var current = ReadOnlyMemory<char>.Empty;
        var reader = new TextIndexReader((ref ReadOnlyMemory<char> v) => v = current, values);
        for (var i = 0; i < values.Length; i++)
        {
            current = values[i].AsMemory();
            Assert.Equal(i, reader.Read());
        }

        current = "b1".AsMemory();
        Assert.Equal(-1, reader.Read());
    }

    // The reader's slot formula.
    private static int Slot(string text) => ((text[0] * 7) + (text[^1] * 3) + text.Length) & 255;
}
