using System;
using System.Collections.Concurrent;
using System.Linq;
using FairnessGuard.Analyzers.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FairnessGuard.Analyzers.Options;

/// <summary>
/// Reads the name options of one syntax tree: the .editorconfig key first, then the MSBuild property
/// (<c>build_property.*</c>, made visible by <c>CompilerVisibleProperty</c>), then the defaults. Lists given
/// in options extend the defaults unless <c>fairness_guard.use_default_names = false</c>.
/// </summary>
internal static class NameOptions
{
    // Matchers are shared between trees and compilations that have the same option values.
    private static readonly ConcurrentDictionary<string, NameMatchers> Cache = new(StringComparer.Ordinal);

    public static NameMatchers Read(AnalyzerOptions options, SyntaxTree tree)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        var local = provider.GetOptions(tree);
        var global = provider.GlobalOptions;

        var sensitive = Get(local, global, AnalyzerOptionKeys.SensitiveNames, AnalyzerOptionKeys.SensitiveNamesProperty);
        var proxies = Get(local, global, AnalyzerOptionKeys.ProxyNames, AnalyzerOptionKeys.ProxyNamesProperty);
        var notSensitive = Get(local, global, AnalyzerOptionKeys.NotSensitive, AnalyzerOptionKeys.NotSensitiveProperty);
        var useDefaults = Get(local, global, AnalyzerOptionKeys.UseDefaultNames, AnalyzerOptionKeys.UseDefaultNamesProperty);
        var predictions = Get(local, global, AnalyzerOptionKeys.PredictionMethods, AnalyzerOptionKeys.PredictionMethodsProperty);
        if (sensitive is null && proxies is null && notSensitive is null && useDefaults is null && predictions is null)
        {
            return NameMatchers.Default;
        }

        var key = string.Join("\u0001", sensitive, proxies, notSensitive, useDefaults, predictions);
        return Cache.GetOrAdd(key, _ => Build(sensitive, proxies, notSensitive, useDefaults, predictions));
    }

    private static NameMatchers Build(string? sensitive, string? proxies, string? notSensitive, string? useDefaults, string? predictions)
    {
        var defaults = !string.Equals(useDefaults?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        var sensitiveTerms = NameTermList.ParseList(sensitive);
        var proxyTerms = NameTermList.ParseList(proxies);
        var notSensitiveTerms = NameTermList.ParseList(notSensitive);
        var predictionTerms = NameTermList.ParseList(predictions);
        if (defaults)
        {
            sensitiveTerms = sensitiveTerms.Concat(DefaultNames.Sensitive);
            proxyTerms = proxyTerms.Concat(DefaultNames.Proxies);
            notSensitiveTerms = notSensitiveTerms.Concat(DefaultNames.NotSensitive);
        }

        return new NameMatchers(
            new NameTermList(sensitiveTerms),
            new NameTermList(proxyTerms),
            new NameTermList(notSensitiveTerms),
            new NameTermList(predictionTerms.Concat(DefaultNames.PredictionWords)));
    }

    private static string? Get(AnalyzerConfigOptions local, AnalyzerConfigOptions global, string key, string property)
    {
        if (local.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (local.TryGetValue(property, out value) && !string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (global.TryGetValue(key, out value) && !string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        return global.TryGetValue(property, out value) && !string.IsNullOrWhiteSpace(value) ? value : null;
    }
}
