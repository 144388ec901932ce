using FairnessGuard.Guard;
using FairnessGuard.Storage.ReplicaHost;
using Microsoft.Data.Sqlite;

namespace FairnessGuard.Storage.Sqlite.Tests;

/// <summary>A database file in its own temp directory, removed on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fg-sqlite-").FullName;

    public TempDatabase()
    {
        Path = System.IO.Path.Combine(_directory, "guard.db");
        Database = new SqliteGuardDatabase(Path);
    }

    public string Path { get; }

    public SqliteGuardDatabase Database { get; }

    public static ParityGuardOptions Options(string policy = "loan", int sketchK = 1000, Microsoft.Extensions.Logging.ILoggerFactory? log = null)
    {
        var options = ReplicaOptions.For(policy, 7);
        options.SketchK = sketchK;
        options.LoggerFactory = log;
        return options;
    }

    public static void Feed(ParityGuard<string> guard, int n, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < n; i++)
        {
            var b = random.NextDouble() < 0.3;
            guard.Apply(random.NextDouble() + (b ? 0.4 : 0), b ? "B" : "A");
        }
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        using var connection = await Database.OpenAsync(default);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public async Task SetSnapshotBytesAsync(string policy, byte[] bytes)
    {
        using var connection = await Database.OpenAsync(default);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE fg_snapshot SET bytes = $bytes WHERE policy = $policy;";
        command.Parameters.AddWithValue("$bytes", bytes);
        command.Parameters.AddWithValue("$policy", policy);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
