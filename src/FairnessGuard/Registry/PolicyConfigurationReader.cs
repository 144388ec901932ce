using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace FairnessGuard.Registry;

/// <summary>
/// Reads policy overrides from configuration by hand rather than with the configuration binder: a dozen
/// known keys need no reflection (trimming- and AOT-safe), and an unknown or unreadable key becomes a
/// validation error naming it instead of being silently ignored.
/// </summary>
internal static class PolicyConfigurationReader
{
    private const NumberStyles Number = NumberStyles.Float;

    private static readonly Dictionary<string, Func<PolicyOverrides, string, bool>> Setters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Mode"] = (o, v) => Set(Enum.TryParse<PolicyMode>(v, true, out var x) && Enum.IsDefined(x), () => o.Mode = x),
        ["Strength"] = (o, v) => Set(double.TryParse(v, Number, CultureInfo.InvariantCulture, out var x), () => o.Strength = x),
        ["Tolerance"] = (o, v) => Set(double.TryParse(v, Number, CultureInfo.InvariantCulture, out var x), () => o.Tolerance = x),
        ["Confidence"] = (o, v) => Set(double.TryParse(v, Number, CultureInfo.InvariantCulture, out var x), () => o.Confidence = x),
        ["WarmUp"] = (o, v) => Set(int.TryParse(v, CultureInfo.InvariantCulture, out var x), () => o.WarmUp = x),
        ["SketchK"] = (o, v) => Set(int.TryParse(v, CultureInfo.InvariantCulture, out var x), () => o.SketchK = x),
        ["MonitorSketchK"] = (o, v) => Set(int.TryParse(v, CultureInfo.InvariantCulture, out var x), () => o.MonitorSketchK = x),
        ["Knots"] = (o, v) => Set(int.TryParse(v, CultureInfo.InvariantCulture, out var x), () => o.Knots = x),
        ["RebuildEvery"] = (o, v) => Set(int.TryParse(v, CultureInfo.InvariantCulture, out var x), () => o.RebuildEvery = x),
        ["RebuildInterval"] = (o, v) => Set(TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out var x), () => o.RebuildInterval = x),
        ["HorizonSamples"] = (o, v) => Set(long.TryParse(v, CultureInfo.InvariantCulture, out var x), () => o.HorizonSamples = x),
        ["MaxGroups"] = (o, v) => Set(int.TryParse(v, CultureInfo.InvariantCulture, out var x), () => o.MaxGroups = x),
        ["ViolationInterval"] = (o, v) => Set(TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out var x), () => o.ViolationInterval = x),
        ["Seed"] = (o, v) => Set(ulong.TryParse(v, CultureInfo.InvariantCulture, out var x), () => o.Seed = x),
        ["BackgroundRebuild"] = (o, v) => Set(bool.TryParse(v, out var x), () => o.BackgroundRebuild = x),
        ["CalibrationFile"] = (o, v) => Set(v.Length > 0, () => o.CalibrationFile = v),
        ["Shrinkage"] = (o, v) => Set(bool.TryParse(v, out var x), () => o.Shrinkage = x),
        ["NoHarmWhenFair"] = (o, v) => Set(bool.TryParse(v, out var x), () => o.NoHarmWhenFair = x),
        ["DriftDetection"] = (o, v) => Set(bool.TryParse(v, out var x), () => o.DriftDetection = x),
        ["RebuildGrowth"] = (o, v) => Set(double.TryParse(v, Number, CultureInfo.InvariantCulture, out var x), () => o.RebuildGrowth = x),
    };

    /// <summary>Reads every method section (and per-policy sub-section) under <paramref name="policies"/>.</summary>
    public static void Read(IConfigurationSection policies, FairnessGuardOptions target)
    {
        foreach (var method in policies.GetChildren())
        {
            ReadSection(method, method.Key, target);
            foreach (var child in method.GetChildren())
            {
                if (!IsOption(child.Key) && child.Value is null)
                {
                    ReadSection(child, $"{method.Key}:{child.Key}", target);
                }
            }
        }
    }

    private static bool IsOption(string key) => Setters.ContainsKey(key) || string.Equals(key, "Thresholds", StringComparison.OrdinalIgnoreCase);

    private static void ReadSection(IConfigurationSection section, string key, FairnessGuardOptions target)
    {
        var overrides = target.Policies.TryGetValue(key, out var existing) ? existing : new PolicyOverrides();
        var any = false;
        foreach (var entry in section.GetChildren())
        {
            var path = $"{FairnessGuardOptions.SectionName}:Policies:{key}:{entry.Key}";
            if (string.Equals(entry.Key, "Thresholds", StringComparison.OrdinalIgnoreCase))
            {
                any |= ReadThresholds(entry, path, overrides, target);
            }
            else if (Setters.TryGetValue(entry.Key, out var setter))
            {
                if (entry.Value is not null && setter(overrides, entry.Value.Trim()))
                {
                    any = true;
                }
                else
                {
                    target.ConfigurationErrors.Add($"{path}: '{entry.Value}' is not a valid value for ParityGuardOptions.{entry.Key}.");
                }
            }
            else if (entry.Value is not null)
            {
                target.ConfigurationErrors.Add($"{path}: '{entry.Key}' is not a policy option (known: {string.Join(", ", Setters.Keys)}, Thresholds).");
            }
        }

        if (any)
        {
            target.Policies[key] = overrides;
        }
    }

    private static bool ReadThresholds(IConfigurationSection entry, string path, PolicyOverrides overrides, FairnessGuardOptions target)
    {
        var texts = entry.Value is { } single ? [single] : entry.GetChildren().Select(c => c.Value ?? string.Empty).ToArray();
        var values = new double[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            if (!double.TryParse(texts[i], Number, CultureInfo.InvariantCulture, out values[i]))
            {
                target.ConfigurationErrors.Add($"{path}: '{texts[i]}' is not a valid value for ParityGuardOptions.Thresholds.");
                return false;
            }
        }

        overrides.Thresholds = values;
        return true;
    }

    private static bool Set(bool parsed, Action assign)
    {
        if (parsed)
        {
            assign();
        }

        return parsed;
    }
}
