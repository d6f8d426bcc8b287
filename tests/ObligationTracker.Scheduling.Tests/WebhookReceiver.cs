using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ObligationTracker.Scheduling.Tests;

/// <summary>An HTTP receiver on 127.0.0.1 (HttpListener) that records each POST's Idempotency-Key, redelivery flag and body.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private int _failuresLeft;

    public WebhookReceiver(TimeSpan? delay = null, int failFirst = 0)
    {
        Port = FreePort();
        _failuresLeft = failFirst;
        Delay = delay ?? TimeSpan.Zero;
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(Loop);
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hook");

    public TimeSpan Delay { get; }

    /// <summary>Every delivery accepted (2xx), in arrival order, with whether it was flagged as a redelivery.</summary>
    public ConcurrentQueue<(string Key, string Body, bool Redelivery)> Received { get; } = new();

    public int Refused;

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using var reader = new StreamReader(context.Request.InputStream);
                var body = await reader.ReadToEndAsync();
                if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
                if (Interlocked.Decrement(ref _failuresLeft) >= 0)
                {
                    Interlocked.Increment(ref Refused);
                    context.Response.StatusCode = 503;
                }
                else
                {
                    var key = context.Request.Headers["Idempotency-Key"] ?? "";
                    Received.Enqueue((key, body, context.Request.Headers["X-OT-Redelivery"] == "1"));
                    context.Response.StatusCode = 204;
                }

                try
                {
                    context.Response.Close();
                }
                catch (HttpListenerException)
                {
                    // The sender went away.
                }
            });
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
