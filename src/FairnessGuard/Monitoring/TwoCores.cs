using System.Runtime.ExceptionServices;

namespace FairnessGuard.Monitoring;

/// <summary>
/// Splits a rebuild's or a review's work over two cores, deterministically: each part writes only its own results
/// (its slots, its sweep), so the figures are the same bits whichever thread ran which part, and the same as on one
/// thread. The second part is offered to a helper thread; the calling thread runs the first, then the second itself
/// unless the helper has already started it (then it waits for that one). So a busy machine or a busy helper (other
/// guards) never makes the caller wait for work nobody started: at worst it runs both parts, as on one thread. Small work
/// stays on the calling thread: offering a part costs more than it saves there.
/// </summary>
internal static class TwoCores
{
    /// <summary>Below this much work (retained values, or groups × knots) everything runs on the calling thread.</summary>
    public const long MinWork = 1 << 15;

    /// <summary>Whether <paramref name="work"/> is worth a second core on this machine.</summary>
    public static bool Worth(long work) => work >= MinWork && Environment.ProcessorCount >= 2;

    /// <summary>Runs <paramref name="first"/> and <paramref name="second"/>, on two cores when <paramref name="parallel"/>.</summary>
    public static void Both(bool parallel, Action first, Action second)
    {
        if (!parallel)
        {
            first();
            second();
            return;
        }

        var offered = new Part(second);
        Offer(offered);
        ExceptionDispatchInfo? failed = null;
        try
        {
            first();
        }
        catch (Exception ex)
        {
            failed = ExceptionDispatchInfo.Capture(ex);
        }

        // The offered part writes into the caller's arrays: it must have ended before anything returns or throws.
        offered.RunOrWait();
        failed?.Throw();
        offered.Failed?.Throw();
    }

    /// <summary>Runs <paramref name="range"/> over [0, <paramref name="count"/>) in two halves, on two cores when <paramref name="parallel"/>.</summary>
    public static void Halves(int count, bool parallel, Action<int, int> range)
    {
        if (!parallel || count < 2)
        {
            range(0, count);
            return;
        }

        var middle = count / 2;
        Both(true, () => range(0, middle), () => range(middle, count));
    }

    // One long-lived helper thread takes the offered parts (a thread-pool thread would do, but the parts rent
    // large scratch arrays, and the array pool keeps them per thread: on whichever pool thread ran last they were
    // missed, allocated again on the large-object heap, and every few rebuilds cost a gen-2 collection).
    private static readonly Queue<Part> Offered = new();
    private static readonly object OfferGate = new();
    private static Thread? _helper;

    private static void Offer(Part part)
    {
        lock (OfferGate)
        {
            Offered.Enqueue(part);
            if (_helper is null)
            {
                _helper = new Thread(Serve) { IsBackground = true, Name = "FairnessGuard two-core helper" };
                _helper.Start();
            }
            else
            {
                Monitor.Pulse(OfferGate);
            }
        }
    }

    // Runs offered parts for the life of the process; a part its caller has claimed meanwhile is skipped.
    private static void Serve()
    {
        while (true)
        {
            Part part;
            lock (OfferGate)
            {
                while (Offered.Count == 0)
                {
                    Monitor.Wait(OfferGate);
                }

                part = Offered.Dequeue();
            }

            part.Execute();
        }
    }

    // A part run once, by whichever thread claims it first: the helper, or the caller once done with its own.
    private sealed class Part(Action action)
    {
        private readonly object _gate = new();
        private int _claimed;
        private bool _finished;

        public ExceptionDispatchInfo? Failed { get; private set; }

        public void Execute()
        {
            if (Interlocked.Exchange(ref _claimed, 1) == 0)
            {
                Run();
            }
        }

        public void RunOrWait()
        {
            if (Interlocked.Exchange(ref _claimed, 1) == 0)
            {
                Run();
                return;
            }

            lock (_gate)
            {
                while (!_finished)
                {
                    Monitor.Wait(_gate);
                }
            }
        }

        private void Run()
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                Failed = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                lock (_gate)
                {
                    _finished = true;
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }
}
