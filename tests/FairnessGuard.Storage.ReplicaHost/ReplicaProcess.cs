using System.Diagnostics;

namespace FairnessGuard.Storage.ReplicaHost;

/// <summary>For the tests: a replica host process (<c>dotnet FairnessGuard.Storage.ReplicaHost.dll …</c>) driven through its stdin and stdout.</summary>
public sealed class ReplicaProcess : IDisposable
{
    private readonly Process _process;

    private ReplicaProcess(Process process) => _process = process;

    /// <summary>Starts the host next to the calling assembly with these arguments.</summary>
    /// <param name="arguments">The command line.</param>
    /// <returns>The running process.</returns>
    public static ReplicaProcess Start(params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "FairnessGuard.Storage.ReplicaHost.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        process.BeginErrorReadLine();
        return new ReplicaProcess(process);
    }

    public int Id => _process.Id;

    /// <summary>The next line the process prints; fails when it exits first or the timeout passes.</summary>
    public async Task<string> ReadLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var line = await _process.StandardOutput.ReadLineAsync(cts.Token);
        return line ?? throw new InvalidOperationException($"Replica process {_process.Id} exited (code {(_process.HasExited ? _process.ExitCode : -1)}) before printing a line.");
    }

    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var line = await ReadLineAsync(deadline - DateTime.UtcNow);
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }
    }

    public void SendLine(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>kill -9: no finally block, no flush, no shutdown hook runs.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
