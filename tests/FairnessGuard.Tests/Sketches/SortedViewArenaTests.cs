using FairnessGuard.Sketches;

namespace FairnessGuard.Tests.Sketches;

/// <summary>Views cut from a rebuild's arena are the sketch's views, whether they fit in it or not.</summary>
public class SortedViewArenaTests
{
    [Fact]
    public void ViewsCutFromAnArenaEqualTheSketchesOwnViews()
    {
        var sketches = new[]
        {
            SketchData.Sketch(SketchData.Normal(300, 1), 1000, seed: 1),
            SketchData.Sketch(SketchData.Bimodal(200_000, 2), 200, seed: 2),
            SketchData.Sketch(SketchData.Tied(5_000, 3), 200, seed: 3),
            new QuantileSketch(200, 4),
        };

        // Room for the first two only: the others overflow and get arrays of their own, and say so in Wanted.
        var arena = new ViewArena(sketches[0].RetainedItems + sketches[1].RetainedItems);
        var views = sketches.Select(s => s.ViewIn(arena)).ToArray();
        Assert.True(arena.Wanted >= sketches.Sum(s => (long)s.RetainedItems));
        for (var i = 0; i < sketches.Length; i++)
        {
            var own = sketches[i].GetSortedView();
            Assert.Equal(own.Values.ToArray(), views[i].Values.ToArray());
            Assert.Equal(own.CumulativeWeights.ToArray(), views[i].CumulativeWeights.ToArray());
            Assert.Equal(own.TotalWeight, views[i].TotalWeight);
        }

        // Handing an arena view to the pool must not give away the arena's arrays (the first two fit in it).
        views[0].ReturnToPool();
        views[1].ReturnToPool();

        // The views stay intact until the arena is released, and a released arena takes no more claims.
        Assert.Equal(sketches[1].GetSortedView().Values.ToArray(), views[1].Values.ToArray());
        arena.Release();
        Assert.False(arena.TryClaim(1, out _, out _, out _));
        var late = sketches[0].ViewIn(arena);
        Assert.Equal(sketches[0].GetSortedView().Values.ToArray(), late.Values.ToArray());
    }

    [Fact]
    public void ClaimsFromTwoThreadsNeverOverlap()
    {
        var sketch = SketchData.Sketch(SketchData.Normal(700, 5), 1000, seed: 5);
        var arena = new ViewArena(2_000L * sketch.RetainedItems);
        var views = new SortedView[2_000];
        Parallel.For(0, views.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => views[i] = sketch.ViewIn(arena));
        var expected = sketch.GetSortedView().Values.ToArray();
        Assert.All(views, v => Assert.Equal(expected, v.Values.ToArray()));
        arena.Release();
    }

    [Fact]
    public void AnArenaSizedFromTheLastOnesUseHoldsTheSameWork()
    {
        // A rebuild sizes its arena from the last one's Wanted. Claims that do not fit must count what they needed,
        // not a chunk each: otherwise one overflowing rebuild makes the next arena hundreds of times too large.
        var sketch = SketchData.Sketch(SketchData.Normal(300, 7), 1000, seed: 7);
        var need = 1_000L * sketch.RetainedItems;

        // Half the need (the pool rounds it up to 262,144 items, still short): the first round overflows.
        var capacity = need / 2;
        for (var round = 0; round < 4; round++)
        {
            var arena = new ViewArena(capacity);
            for (var i = 0; i < 1_000; i++)
            {
                sketch.ViewIn(arena);
            }

            // Whole chunks only: at most one chunk's unused end on this thread beyond the need.
            Assert.InRange(arena.Wanted, need, need + 16_384);
            capacity = arena.Wanted;
            arena.Release();
        }
    }
}
