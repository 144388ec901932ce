using FairnessGuard.Telemetry;

namespace FairnessGuard.Guard;

/// <content>
/// When to rebuild. The schedule follows the groups' true sample counts, not buffer sizes: a rebuild as soon
/// as a second group is warm (with shrinkage: as soon as the groups together hold <see cref="ParityGuardOptions.WarmUp"/>
/// samples), then whenever a group has grown by <see cref="ParityGuardOptions.RebuildGrowth"/>
/// (or drift restarted it), plus the count and time triggers. Early map builds (small sketches: the map's samples
/// plus one knot grid per group below <see cref="InlineWorkLimit"/>) run inline even with
/// <see cref="ParityGuardOptions.BackgroundRebuild"/>, so which outputs are corrected does not depend on thread
/// timing; reports and later builds go to the thread pool.
/// </content>
public sealed partial class ParityGuard<TGroup>
{
    /// <summary>Geometric triggers stop past this many samples in a group; the count/time triggers remain.</summary>
    internal const long GrowthLimit = 65_536;

    /// <summary>
    /// Map builds run inline while their work — the samples the map holds (sorted once) plus one knot grid per
    /// group — is below this: 65,536 samples plus 64 groups of the default 512 knots, or many small groups (88
    /// groups of ≈ 57 samples: 50,000). A build's cost grows with both, not with the group count alone.
    /// </summary>
    internal const long InlineWorkLimit = 65_536 + (64 * 512);

    private long _pendingSamples;
    private long _seenTotal;
    private long _lastRebuildTimestamp;
    private long _mapSamples;
    private int _rebuildQueued;
    private int _reviewQueued;
    private WorkItem? _buildItemField;
    private WorkItem? _buildAndReviewItemField;
    private WorkItem? _reviewItemField;

    private WorkItem BuildWork => _buildItemField ??= new WorkItem(this, build: true, review: false);

    private WorkItem BuildAndReviewWork => _buildAndReviewItemField ??= new WorkItem(this, build: true, review: true);

    private WorkItem ReviewWork => _reviewItemField ??= new WorkItem(this, build: false, review: true);

    /// <summary>Moves every buffered sample into the sketches (before a snapshot, a report or a test check).</summary>
    public void Flush()
    {
        foreach (var state in _table.All)
        {
            state.Flush();
        }
    }

    /// <summary>Flushes, rebuilds the map and measures parity now, on the calling thread.</summary>
    public void RebuildNow()
    {
        Flush();
        Interlocked.Exchange(ref _pendingSamples, 0);
        Volatile.Write(ref _lastRebuildTimestamp, _options.TimeProvider.GetTimestamp());
        KeptViews? built;
        lock (_rebuildLock)
        {
            built = BuildMapLocked(keepRaw: true);
        }

        // The review takes the raw views the build just made (where the groups have not changed since).
        Review(built);
    }

    private void OnDrained(GroupState state, DrainResult drained, int seen)
    {
        var pending = Interlocked.Add(ref _pendingSamples, seen);

        // With shrinkage the first map is ready once the groups together hold WarmUp samples: the drain that crosses
        // that count builds it (a group's own growth may come many calls later).
        var seenTotal = Interlocked.Add(ref _seenTotal, seen);
        var pooledWarm = _options.Shrinkage && seenTotal >= _options.WarmUp && seenTotal - seen < _options.WarmUp;
        if (drained.Drifted)
        {
            _metrics.Drift();
            GuardLog.DriftDetected(_logger, _options.PolicyName, state.Label, drained.Samples);
            if (drained.Drift == DrainOutcome.Detected)
            {
                AlertOtherGroups(state);
            }
        }

        if (pooledWarm || drained.Drift != DrainOutcome.None || (drained.Samples >= 0 && drained.Samples >= state.NextBuildAt))
        {
            ScheduleBuild(review: false);
            return;
        }

        // The count and time triggers restart only here: growth-triggered builds do not postpone a review.
        if (pending >= _options.RebuildEvery
            || (_options.RebuildInterval is { } interval && _options.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastRebuildTimestamp)) >= interval))
        {
            Interlocked.Exchange(ref _pendingSamples, 0);
            Volatile.Write(ref _lastRebuildTimestamp, _options.TimeProvider.GetTimestamp());
            ScheduleBuild(review: true);
        }
    }

    // A change one group found itself may be a change upstream that moved every group (GroupState.AlertDrift): the
    // others set their history aside until their next window shows whether they moved too.
    private void AlertOtherGroups(GroupState changed)
    {
        // Only groups no larger than the changed one: a larger group fills its windows faster, so had it moved with the
        // change it would have shown it first (or will within a window of its own).
        var size = changed.BuiltSamples;
        foreach (var other in _table.All)
        {
            if (!ReferenceEquals(other, changed) && other.BuiltSamples <= size)
            {
                other.AlertDrift();
            }
        }
    }

    private void ScheduleBuild(bool review)
    {
        // Past the work limit builds go to the thread pool, unless the evidence has doubled since the map in use was built:
        // calls that outrun the builds (a replay of a file in a tight loop) then build here (after the build in flight),
        // so the maps follow the counts at least geometrically whatever the thread timing. A service's builds land long
        // before that.
        var stale = _options.BackgroundRebuild && IsStale();
        var inline = !_options.BackgroundRebuild
            || Volatile.Read(ref _mapSamples) + ((long)_table.All.Length * _options.Knots) < InlineWorkLimit
            || stale;
        if (inline)
        {
            // A review on this thread right after the build takes the build's raw views.
            var reviewHere = review && !_options.BackgroundRebuild;
            KeptViews? built = null;

            // Another thread building now will publish a map at least as fresh; its next drain retries. A stale map waits
            // for that build instead, and builds only if the map it published is still stale.
            if (stale ? EnterWhileStale() : Monitor.TryEnter(_rebuildLock))
            {
                try
                {
                    built = BuildMapLocked(keepRaw: reviewHere);
                }
                finally
                {
                    Monitor.Exit(_rebuildLock);
                }
            }

            if (reviewHere)
            {
                Review(built);
            }
            else if (review)
            {
                QueueReview();
            }

            return;
        }

        if (Interlocked.CompareExchange(ref _rebuildQueued, 1, 0) != 0)
        {
            return;
        }

        // Cached work items: queueing allocates nothing on the calling thread.
        ThreadPool.UnsafeQueueUserWorkItem(review ? BuildAndReviewWork : BuildWork, preferLocal: false);
    }

    // The evidence has doubled since the map in use was built (or WarmUp samples came and no map holds any).
    private bool IsStale() => Volatile.Read(ref _seenTotal) >= 2 * Math.Max(Volatile.Read(ref _mapSamples), _options.WarmUp);

    // Takes the build lock, waiting for a build in flight; false (lock released) when that build left the map fresh.
    private bool EnterWhileStale()
    {
        Monitor.Enter(_rebuildLock);
        if (IsStale())
        {
            return true;
        }

        Monitor.Exit(_rebuildLock);
        return false;
    }

    private void QueueReview()
    {
        if (!_options.BackgroundRebuild)
        {
            Review();
            return;
        }

        if (Interlocked.CompareExchange(ref _reviewQueued, 1, 0) != 0)
        {
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(ReviewWork, preferLocal: false);
    }

    // The count at which a group's growth next calls for a rebuild.
    private long NextBuildAt(long samples)
    {
        var warm = samples >= _options.WarmUp;
        if (!warm && !_options.Shrinkage)
        {
            return _options.WarmUp;
        }

        if (_options.RebuildGrowth <= 0 || samples >= GrowthLimit)
        {
            return warm ? long.MaxValue : _options.WarmUp;
        }

        // Geometric growth, at least 16 samples a step; a group below warm-up also rebuilds on reaching it.
        var next = samples + Math.Max(16, (long)Math.Ceiling(samples * _options.RebuildGrowth));
        return warm ? next : Math.Min(next, _options.WarmUp);
    }

    private sealed class WorkItem(ParityGuard<TGroup> guard, bool build, bool review) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            try
            {
                KeptViews? built = null;
                if (build)
                {
                    lock (guard._rebuildLock)
                    {
                        built = guard.BuildMapLocked(keepRaw: review);
                    }
                }

                if (review)
                {
                    guard.Review(built);
                }
            }
            finally
            {
                Volatile.Write(ref build ? ref guard._rebuildQueued : ref guard._reviewQueued, 0);
            }
        }
    }
}
