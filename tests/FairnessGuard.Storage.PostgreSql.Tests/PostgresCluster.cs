using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FairnessGuard.Storage.PostgreSql.Tests;

/// <summary>
/// A private PostgreSQL cluster for the tests: <c>initdb</c> in a temp directory, a free loopback port, the
/// unix socket in the same directory; stopped and removed on dispose. PostgreSQL refuses to run as root, so
/// as root the binaries run as the <c>postgres</c> user (which owns the directory). Binaries: the
/// <c>FAIRNESSGUARD_PG_BIN</c> directory, else the newest /usr/lib/postgresql/*/bin, else PATH.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly string _bin;
    private readonly bool _asPostgresUser;

    public PostgresCluster()
    {
        _bin = FindBinaries();
        _asPostgresUser = Environment.UserName == "root";
        Root = Directory.CreateTempSubdirectory("fg-pg-").FullName;
        Port = FreePort();
        if (_asPostgresUser)
        {
            Run("chown", ["postgres:postgres", Root], asPostgres: false);
        }

        Pg("initdb", ["-D", DataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
        Start();
        ConnectionString = $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=5;Command Timeout=30";
    }

    public string Root { get; }

    public int Port { get; }

    public string ConnectionString { get; }

    private string DataDir => Path.Combine(Root, "data");

    /// <summary>A fresh database for one test, so tests do not share state.</summary>
    public string CreateDatabase(string name)
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}; ", connection);
            command.ExecuteNonQuery();
            command.CommandText = $"CREATE DATABASE {name};";
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public void Start() =>
        Pg("pg_ctl", ["-D", DataDir, "-l", Path.Combine(Root, "log"), "-w", "-t", "60", "-o", $"-p {Port} -k {Root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60", "start"]);

    public void Stop() => Pg("pg_ctl", ["-D", DataDir, "-m", "fast", "-w", "-t", "60", "stop"]);

    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // Already stopped; the directory goes anyway.
        }

        Directory.Delete(Root, recursive: true);
    }

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("FAIRNESSGUARD_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).ToList()
            : [];
        return versions.Count > 0 ? Path.Combine(versions[0], "bin") : string.Empty;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Pg(string tool, string[] arguments) =>
        Run(_bin.Length > 0 ? Path.Combine(_bin, tool) : tool, arguments, _asPostgresUser);

    private void Run(string file, string[] arguments, bool asPostgres)
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stdout.Result}{stderr.Result}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL cluster";
}
