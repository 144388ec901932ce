using FairnessGuard.Guard;

namespace FairnessGuard.Tests.Guard;

/// <summary>Same seed and same single-threaded input, same outputs — whichever thread replays it.</summary>
public class GuardReplayTests
{
    [Fact]
    public void AReplayOnAnotherThreadReturnsExactlyTheSameOutputs()
    {
        // Tie jitter draws from the caller's intake stripe, and a corrected output depends on the jittered rank;
        // threads get process-wide ordinals, so consecutive new threads land on different stripe slots.
        var stream = GuardGoalStreams.HmdaShort();
        double[] RunOnNewThread()
        {
            double[] result = [];
            var thread = new Thread(() =>
            {
                using var guard = new ParityGuard<string>();
                result = [.. stream.Outputs.Select((y, i) => guard.Apply(y, stream.Groups[i]))];
            });
            thread.Start();
            thread.Join();
            return result;
        }

        var first = RunOnNewThread();
        Assert.Contains(first.Select((y, i) => y != stream.Outputs[i]), changed => changed);
        for (var replay = 0; replay < 3; replay++)
        {
            Assert.Equal(first, RunOnNewThread());
        }
    }
}
