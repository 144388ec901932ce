using System.Diagnostics.Metrics;
using System.Reflection;
using System.Text.RegularExpressions;
using FairnessGuard.Guard;
using FairnessGuard.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace FairnessGuard.Tests.Guard;

public partial class TelemetryCatalogTests
{
    [Fact]
    public void TelemetryDocListsExactlyTheEventCatalogAndTheMetersInstruments()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "telemetry.md"));
        var documentedEvents = EventRow().Matches(doc).Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value)).ToHashSet();
        var catalog = typeof(FairnessGuardEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => ((int)f.GetRawConstantValue()!, f.Name))
            .ToHashSet();
        Assert.Equal(catalog.Count, catalog.Select(e => e.Item1).Distinct().Count());
        Assert.Equal(catalog.OrderBy(e => e.Item1), documentedEvents.OrderBy(e => e.Item1));

        // The instruments a guard really publishes, on a meter of its own factory (no other guard's meter).
        var documentedInstruments = InstrumentRow().Matches(doc).Select(m => m.Groups[1].Value).ToHashSet();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var published = new HashSet<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    Assert.Equal(FairnessGuardTelemetry.MeterName, instrument.Meter.Name);
                    published.Add(instrument.Name);
                }
            },
        };
        using var guard = new ParityGuard<string>(new ParityGuardOptions { MeterFactory = factory });
        listener.Start();
        Assert.Equal(FairnessGuardTelemetry.Instruments.Order(StringComparer.Ordinal), published.Order(StringComparer.Ordinal));
        Assert.Equal(published.Order(StringComparer.Ordinal), documentedInstruments.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TwoGuardsOnOnePolicyButDifferentMethodsPublishDistinguishableSeries()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var rebuilds = new MetricCollector<long>(factory, FairnessGuardTelemetry.MeterName, FairnessGuardTelemetry.MapRebuilds);
        using var predictions = new MetricCollector<long>(factory, FairnessGuardTelemetry.MeterName, FairnessGuardTelemetry.Predictions);
        ParityGuard<string> Build(string method) => new(GuardStreams.Deterministic(o => (o.PolicyName, o.MethodName, o.AttributeName, o.MeterFactory) = ("loans", method, "Race", factory)));
        using var score = Build("LoanModel.Score");
        using var approve = Build("LoanModel.Approve");
        GuardStreams.FeedInterleaved(score, 300, 1);
        GuardStreams.FeedInterleaved(approve, 100, 2);
        score.RebuildNow();
        score.RebuildNow();
        approve.RebuildNow();

        long RebuildsOf(string method) => rebuilds.GetMeasurementSnapshot().Where(m => Tagged(m.Tags, method)).Sum(m => m.Value);
        Assert.Equal(score.MapVersion, RebuildsOf("LoanModel.Score"));
        Assert.Equal(approve.MapVersion, RebuildsOf("LoanModel.Approve"));
        Assert.NotEqual(RebuildsOf("LoanModel.Score"), RebuildsOf("LoanModel.Approve"));

        // Each guard's observable instruments are its own (same name, same factory meter); MetricCollector binds
        // to the first one published, the score guard's: its series is tagged with its method only.
        predictions.RecordObservableInstruments();
        var latest = Assert.Single(predictions.GetMeasurementSnapshot());
        Assert.True(Tagged(latest.Tags, "LoanModel.Score"));
        Assert.Equal(600, latest.Value);

        // A disposed guard stops reporting on the factory's meter, which outlives it.
        score.Dispose();
        predictions.Clear();
        predictions.RecordObservableInstruments();
        Assert.Empty(predictions.GetMeasurementSnapshot());
    }

    private static bool Tagged(IReadOnlyDictionary<string, object?> tags, string method) =>
        (string?)tags[FairnessGuardTelemetry.PolicyTag] == "loans"
        && (string?)tags[FairnessGuardTelemetry.AttributeTag] == "Race"
        && (string?)tags[FairnessGuardTelemetry.MethodTag] == method;

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FairnessGuard.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FairnessGuard.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"^\| (\d{4}) \| (\w+) \|", RegexOptions.Multiline)]
    private static partial Regex EventRow();

    [GeneratedRegex(@"^\| `(fairnessguard\.[a-z_.]+)` \|", RegexOptions.Multiline)]
    private static partial Regex InstrumentRow();
}
