using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ObligationTracker.Cli.Tests.Web;

/// <summary>An <c>ot serve</c> process on a free loopback port with its own data directory, and a client of it.</summary>
internal sealed partial class OtNode : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private OtNode(Process process) => _process = process;

    /// <summary>A client of this node (sign it in first).</summary>
    public SignedInClient Client { get; private set; } = null!;

    /// <summary>What the server wrote to stderr so far, for failure messages.</summary>
    public string Log => string.Join('\n', _log);

    /// <summary>Starts <c>ot --data DATA --store STORE serve</c> and waits until it says where it listens.</summary>
    public static async Task<OtNode> Start(string dataDirectory, string store, string name, TimeSpan timeout)
    {
        var psi = Ot(dataDirectory, store, "serve", "--urls", "http://127.0.0.1:0", "--node", name);
        var node = new OtNode(Process.Start(psi)!);
        node._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) node._log.Enqueue(e.Data); };
        node._process.OutputDataReceived += (_, e) => { if (e.Data is not null) node._log.Enqueue(e.Data); };
        node._process.BeginErrorReadLine();
        node._process.BeginOutputReadLine();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (node._log.Select(l => Serving().Match(l)).FirstOrDefault(m => m.Success) is { } m)
            {
                node.Client = new SignedInClient(new Uri(m.Groups[1].Value));
                return node;
            }

            if (node._process.HasExited) break;
            await Task.Delay(100);
        }

        var log = node.Log;
        node.Dispose();
        throw new InvalidOperationException($"ot serve ({name}) did not start within {timeout.TotalSeconds} s:\n{log}");
    }

    /// <summary>Runs an <c>ot</c> command to the end; returns its exit code and everything it wrote.</summary>
    public static async Task<(int Code, string Output)> Run(string dataDirectory, string store, params string[] args)
    {
        var psi = Ot(dataDirectory, store, args);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // exited meanwhile
        }

        _process.Dispose();
        Client?.Dispose();
    }

    private static ProcessStartInfo Ot(string dataDirectory, string store, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "ot.dll"), "--data", dataDirectory, "--store", store, .. args])
            psi.ArgumentList.Add(a);
        psi.Environment.Remove("ASPNETCORE_URLS");
        psi.Environment["OT_SHARED"] = RepoPaths.Shared;
        return psi;
    }

    [GeneratedRegex(@"^serving (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Serving();
}
