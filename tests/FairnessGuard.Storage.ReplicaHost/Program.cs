// Usage:
//   replica <connection> <replica-id> <policy> <mix> <samples> <seed> <sync-every>
//     feeds its stream, syncing every <sync-every> samples; prints "pushed" after its last push, waits for a
//     line on stdin, syncs again and prints its ReplicaResult as one JSON line.
//   audit <db> <policy> <seed>   (see AuditMode.cs)
using System.Globalization;
using System.Text.Json;
using FairnessGuard.Guard;
using FairnessGuard.Storage.PostgreSql;
using FairnessGuard.Storage.ReplicaHost;

var invariant = CultureInfo.InvariantCulture;
if (args.Length > 0 && args[0] == "audit")
{
    return await AuditMode.RunAsync(args[1], args[2], int.Parse(args[3], invariant));
}

if (args.Length != 8 || args[0] != "replica")
{
    Console.Error.WriteLine("usage: replica <connection> <replica-id> <policy> <mix> <samples> <seed> <sync-every> | audit <db> <policy> <seed>");
    return 2;
}

var (connection, replicaId, policy, mix) = (args[1], args[2], args[3], ReplicaStream.ParseMix(args[4]));
var (samples, seed, syncEvery) = (int.Parse(args[5], invariant), int.Parse(args[6], invariant), int.Parse(args[7], invariant));
using var guard = new ParityGuard<string>(ReplicaOptions.For(policy, (ulong)seed));
using var replicator = new PostgreSqlGuardReplicator<string>(guard, new PostgreSqlReplicationOptions { ConnectionString = connection, ReplicaId = replicaId });
var fed = 0;
foreach (var (group, output) in ReplicaStream.Generate(seed, mix, samples))
{
    var returned = guard.Apply(output, group);
    if (!double.IsFinite(returned))
    {
        throw new InvalidOperationException("The guard returned a non-finite output.");
    }

    if (++fed % syncEvery == 0)
    {
        await replicator.SyncAsync(CancellationToken.None);
    }
}

if (!await replicator.SyncAsync(CancellationToken.None))
{
    Console.Error.WriteLine("final push failed");
    return 1;
}

Console.WriteLine("pushed");
_ = Console.ReadLine();
if (!await replicator.SyncAsync(CancellationToken.None))
{
    Console.Error.WriteLine("final pull failed");
    return 1;
}

var report = guard.GetReport();
var maps = new List<GroupMap>();
foreach (var g in report.Groups)
{
    guard.TryGetMap(g.Group, out var knots, out var targets);
    maps.Add(new GroupMap(g.Group, g.Samples, knots, targets, guard.GetRankErrorBound(g.Group, 0.999)));
}

Console.WriteLine(JsonSerializer.Serialize(new ReplicaResult(replicaId, maps, report.RawKs, report.ReturnedKs, replicator.DroppedDeltas)));
return 0;
