using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace ObligationTracker.Cli.Tests.Web;

/// <summary>An <c>ot serve</c> process on a free loopback port with its own data directory, and a client signed in to it.</summary>
internal sealed partial class OtNode : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly HttpClientHandler _handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };

    private OtNode(Process process)
    {
        _process = process;
        Http = new HttpClient(_handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

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
                node.Http.BaseAddress = new Uri(m.Groups[1].Value);
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

    /// <summary>Signs in through the form (its anti-forgery field, then the post); the cookie stays in this node's client.</summary>
    public async Task SignIn(string name, string password)
    {
        var form = await Http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name, ["password"] = password, ["__RequestVerificationToken"] = token });
        using var response = await Http.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"signing in answered {(int)response.StatusCode}");
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
        Http.Dispose();
        _handler.Dispose();
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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
