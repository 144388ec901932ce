using System.Runtime.CompilerServices;
using FairnessGuard.Correction;
using FairnessGuard.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FairnessGuard.Guard;

/// <summary>
/// Enforces demographic parity of a stream of model outputs, one call at a time, by online
/// Wasserstein-barycenter correction <c>y' = Σ p_s' Q_s'(F_s(y))</c> estimated from the stream with bounded
/// memory; measures parity of raw and returned outputs and reports violations.
/// </summary>
/// <remarks>
/// <para>Each group's raw outputs feed a mergeable quantile sketch; a monotone map per group is rebuilt from
/// the sketches when the evidence has grown (<see cref="ParityGuardOptions.RebuildGrowth"/>,
/// <see cref="ParityGuardOptions.RebuildEvery"/>, <see cref="ParityGuardOptions.RebuildInterval"/>) and published
/// atomically, so <see cref="Apply(double, TGroup)"/> is one knot search and one interpolation, takes no shared
/// lock and allocates nothing.</para>
/// <para>Never breaks the caller: an unexpected failure inside the guard returns the raw output, logs and counts it.</para>
/// <para>The class is split by responsibility: this file is the prediction path; ParityGuard.Schedule.cs decides
/// when to rebuild, ParityGuard.Rebuild.cs builds maps, ParityGuard.Reporting.cs measures and raises violations,
/// ParityGuard.Prime.cs seeds from calibration data, ParityGuard.Snapshot.cs and ParityGuard.Replication.cs move state.</para>
/// </remarks>
/// <typeparam name="TGroup">The group key (an enum, a string, a tuple for intersectional groups).</typeparam>
public sealed partial class ParityGuard<TGroup> : IDisposable
    where TGroup : notnull
{
    private const int MaxStripes = 16;

    private readonly ParityGuardOptions _options;
    private readonly GroupTable<TGroup> _table;
    private readonly ILogger _logger;
    private readonly GuardMetrics _metrics;
    private readonly CancellationTokenSource _disposed = new();
    private readonly bool _monitorOnly;
    private readonly double _strength;
    private readonly double _jitter;
    private BarycenterMap _map = BarycenterMap.Empty;
    private volatile bool _holdBack;
    private double[] _lambdas = [];

    /// <summary>
    /// Creates a guard from a validated, frozen copy of <paramref name="options"/>: later changes to the
    /// caller's instance do not reach the guard, and the copy (<see cref="Options"/>) refuses changes.
    /// </summary>
    /// <param name="options">The settings; defaults when null. Stays usable to build other guards.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is invalid; the exception names it.</exception>
    /// <exception cref="GuardCalibrationFormatException">The <see cref="ParityGuardOptions.CalibrationFile"/> cannot be read.</exception>
    public ParityGuard(ParityGuardOptions? options = null)
    {
        _options = (options ?? new ParityGuardOptions()).Freeze();
        _monitorOnly = _options.Mode == PolicyMode.Monitor;
        _strength = _options.Strength;
        _jitter = _options.TieJitter;
        _logger = _options.LoggerFactory?.CreateLogger("FairnessGuard.ParityGuard") ?? NullLogger.Instance;
        var stripes = Math.Clamp((int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount), 1, MaxStripes);
        _table = new GroupTable<TGroup>(
            _options,
            stripes,
            _ => GuardLog.GroupCapReached(_logger, _options.PolicyName, _options.MaxGroups, _options.OverflowGroupLabel),
            _ => GuardLog.UnknownGroup(_logger, _options.PolicyName, _options.UnknownGroupLabel));
        _lastReport = GuardReport.Empty(_options, _options.TimeProvider.GetUtcNow());
        _lastRebuildTimestamp = _options.TimeProvider.GetTimestamp();
        _metrics = new GuardMetrics(_options.PolicyName, _options.MethodName, _options.AttributeName, _options.MeterFactory, Totals, () => (_lastReport.RawKs, _lastReport.ReturnedKs, _lastReport.ReturnedKsLowerBound));
        if (_options.CalibrationFile is { } file)
        {
            Prime(GuardCalibration.Load(file), CalibrationKeys.Parser<TGroup>());
        }
    }

    /// <summary>The guard's settings: the frozen copy it reads (setters throw); <see cref="ParityGuardOptions.Clone"/> derives changeable options.</summary>
    public ParityGuardOptions Options => _options;

    /// <summary>The version of the map in use; 0 before the first rebuild.</summary>
    public long MapVersion => Volatile.Read(ref _map).Version;

    /// <summary>The number of groups tracked, overflow and unknown groups included.</summary>
    public int GroupCount => _table.All.Length;

    /// <summary>
    /// Whether outputs are being corrected: the policy enforces, at least two groups are warmed up and (with
    /// <see cref="ParityGuardOptions.NoHarmWhenFair"/>) the raw gap is confirmed above the tolerance.
    /// </summary>
    public bool IsCorrecting => !_monitorOnly && !_holdBack && Volatile.Read(ref _map).ActiveGroups >= 2;

    /// <summary>
    /// Returns the output to give the caller for a raw model output of <paramref name="group"/>: corrected
    /// toward the barycenter once the group is in play, else unchanged. Records the output for monitoring.
    /// </summary>
    /// <param name="output">The raw model output. NaN and ±∞ are returned unchanged, counted, and never measured.</param>
    /// <param name="group">The output's group; null is tracked as the unknown group.</param>
    /// <returns>The output to return.</returns>
    public double Apply(double output, TGroup? group)
    {
        try
        {
            var state = _table.Resolve(group);
            var stripe = state.StripeForCurrentThread();
            stripe.Enter();
            try
            {
                stripe.Predictions++;
                if (!double.IsFinite(output))
                {
                    stripe.NonFinite++;
                    return output;
                }

                // Uniform noise inside ±jitter·(|y| + 1e-6) spreads atoms over their rank interval; it never
                // makes a finite value infinite (near ±MaxValue the value is ranked as it is).
                var bits = stripe.NextBits();
                var u = Sketches.SplitMix64.ToUnitInterval(bits);
                var band = Correction.AtomSnap.Amplitude(output, _jitter);
                var ranked = _jitter == 0 ? output : output + (IngestStripe.SignedUnit(bits) * band);
                ranked = double.IsFinite(ranked) ? ranked : output;
                var result = output;
                if (_monitorOnly)
                {
                    stripe.MonitorPassThroughs++;
                }
                else if (_holdBack)
                {
                    stripe.NoHarmPassThroughs++;
                }
                else if (Volatile.Read(ref _map).TryMap(state.Slot, ranked, u, 2 * band, out var fair, out var atom))
                {
                    // λ_s = Strength·(1 − w_s): a group with little evidence gets a share of its correction. On an atom a
                    // share of the move changes no rank (every output of the atom moves alike), so there λ is the chance
                    // of the whole move, drawn from the call's own bits: the atom's returned CDF is (1 − λ)F_s + λF_bar.
                    var lambda = LambdaOf(state.Slot);
                    result = lambda == 1 ? fair
                        : atom ? (Sketches.SplitMix64.ToUnitInterval(Sketches.SplitMix64.Mix(bits)) < lambda ? fair : output)
                        : ((1 - lambda) * output) + (lambda * fair);
                    result = double.IsFinite(result) ? result : output;
                    stripe.Corrections++;
                    stripe.Changed += result != output ? 1 : 0;
                }
                else
                {
                    stripe.WarmUpPassThroughs++;
                }

                // Past the group's floor most pairs are thinned out here, before they cost a buffer slot;
                // below EagerSamples every pair drains at once, so the schedule sees exact counts.
                stripe.SeenSinceDrain++;
                if (((int)bits & state.SampleMask) == 0 && (stripe.Append(ranked, result) || state.Eager))
                {
                    Drain(state, stripe);
                }

                return result;
            }
            finally
            {
                stripe.Exit();
            }
        }
        catch (Exception ex)
        {
            Fault(ex);
            return output;
        }
    }

    // Out of line: about one call in 512 past the sampling floor drains, and its calls would cost the hot path registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Drain(GroupState state, IngestStripe stripe)
    {
        var seen = stripe.SeenSinceDrain;
        OnDrained(state, state.Drain(stripe), seen);
    }

    // The group's share of its correction in the current map (Strength when the map has no entry for the slot).
    private double LambdaOf(int slot)
    {
        var lambdas = Volatile.Read(ref _lambdas);
        return (uint)slot < (uint)lambdas.Length ? lambdas[slot] : _strength;
    }

    /// <summary>Corrects a batch through the guard, row by row in order (the same path as single calls).</summary>
    /// <param name="outputs">Raw outputs.</param>
    /// <param name="groups">The group of each output.</param>
    /// <param name="destination">Where the returned outputs go; may be the same memory as <paramref name="outputs"/>.</param>
    /// <exception cref="ArgumentException">The spans' lengths do not fit; nothing is written.</exception>
    public void Apply(ReadOnlySpan<double> outputs, ReadOnlySpan<TGroup?> groups, Span<double> destination)
    {
        if (groups.Length != outputs.Length || destination.Length < outputs.Length)
        {
            throw new ArgumentException($"outputs ({outputs.Length}), groups ({groups.Length}) and destination ({destination.Length}) must fit: groups as long as outputs, destination at least as long.", nameof(destination));
        }

        for (var i = 0; i < outputs.Length; i++)
        {
            destination[i] = Apply(outputs[i], groups[i]);
        }
    }

    /// <summary>
    /// Classification: corrects the score, then thresholds it. Equal score distributions give equal
    /// selection rates at every threshold.
    /// </summary>
    /// <param name="score">The raw score.</param>
    /// <param name="group">The score's group.</param>
    /// <param name="threshold">Selected when the corrected score is at or above it.</param>
    /// <returns>The decision.</returns>
    public bool Decide(double score, TGroup? group, double threshold) => Apply(score, group) >= threshold;

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            _metrics.Dispose();
        }
    }
}
