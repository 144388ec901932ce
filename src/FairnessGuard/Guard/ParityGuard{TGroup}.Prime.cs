using System.Globalization;
using FairnessGuard.Correction;
using FairnessGuard.Telemetry;

namespace FairnessGuard.Guard;

/// <content>
/// Priming: seed the groups' raw sketches with held-out calibration outputs and build the map at once, so
/// correction is right from the first prediction instead of after an online warm-up.
/// </content>
public sealed partial class ParityGuard<TGroup>
{
    /// <summary>
    /// Seeds the guard with held-out calibration outputs (not training data) and rebuilds the map now. They count
    /// as samples of their groups (weights, warm-up, shrinkage) but not as predictions; non-finite ones are skipped.
    /// </summary>
    /// <param name="scores">Calibration outputs.</param>
    /// <param name="groups">Their groups.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Prime(ReadOnlySpan<double> scores, ReadOnlySpan<TGroup> groups)
    {
        if (scores.Length != groups.Length)
        {
            throw new ArgumentException($"scores has {scores.Length} rows but groups has {groups.Length}.", nameof(groups));
        }

        var byGroup = new Dictionary<GroupState, List<double>>();
        for (var i = 0; i < scores.Length; i++)
        {
            var state = _table.Resolve(groups[i]);
            if (!byGroup.TryGetValue(state, out var list))
            {
                byGroup[state] = list = [];
            }

            list.Add(scores[i]);
        }

        long primed = 0;
        foreach (var (state, values) in byGroup)
        {
            primed += values.Count;
            state.Prime(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));
        }

        RebuildNow();
        GuardLog.Primed(_logger, _options.PolicyName, primed, byGroup.Count, MapVersion);
    }

    /// <summary>Seeds the guard from a calibration set (see <see cref="GuardCalibration"/>) and rebuilds the map now.</summary>
    /// <param name="calibration">The calibration rows.</param>
    /// <param name="parseKey">Turns a label back into a key.</param>
    /// <exception cref="ArgumentException">A label cannot be parsed into a key.</exception>
    public void Prime(GuardCalibration calibration, Func<string, TGroup> parseKey)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(parseKey);
        var keys = new TGroup[calibration.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            try
            {
                keys[i] = parseKey(calibration.Groups[i]);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
            {
                throw new ArgumentException($"Calibration row {i + 1}: the group '{calibration.Groups[i]}' is not a valid {typeof(TGroup).Name}: {ex.Message}", nameof(calibration), ex);
            }
        }

        Prime([.. calibration.Outputs], keys);
    }
}

/// <summary>Parsers from a calibration label back to a key, for the key types that have one.</summary>
internal static class CalibrationKeys
{
    public static Func<string, TGroup> Parser<TGroup>()
    {
        var t = typeof(TGroup);
        object parser = t == typeof(string) ? (Func<string, string>)(s => s)
            : t.IsEnum ? (Func<string, TGroup>)(s => (TGroup)Enum.Parse(t, s, ignoreCase: false))
            : t == typeof(bool) ? (Func<string, bool>)bool.Parse
            : t == typeof(int) ? (Func<string, int>)(s => int.Parse(s, CultureInfo.InvariantCulture))
            : t == typeof(long) ? (Func<string, long>)(s => long.Parse(s, CultureInfo.InvariantCulture))
            : t == typeof(Guid) ? (Func<string, Guid>)Guid.Parse
            : t == typeof(char) ? (Func<string, char>)char.Parse
            : throw new ArgumentOutOfRangeException(nameof(ParityGuardOptions.CalibrationFile), $"Group keys of type {t.Name} cannot be parsed from a calibration file; call Prime(calibration, parseKey) instead.");
        return (Func<string, TGroup>)parser;
    }
}
