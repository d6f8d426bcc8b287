using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using ObligationTracker.Core.Scheduling;

namespace ObligationTracker.Scheduling.Notifiers;

/// <summary>One SMTP connection for a delivery round: opened at the first reminder, reused for the next ones, closed (QUIT) at the end.</summary>
/// <remarks>
/// A reused connection is checked with NOOP before each message, so one the server dropped while idle (or after a
/// message) is opened again before anything is sent: the message goes out once, and a failure there is not a send that
/// may have reached the server. After a failed send the connection is dropped, whatever the failure: its state is
/// unknown, and the next reminder gets a fresh one. Not for use by two senders at once (the dispatcher sends in turn).
/// </remarks>
internal sealed class SmtpRound(SmtpNotifier notifier, ReminderSettings settings) : INotifier, IAsyncDisposable
{
    private static readonly TimeSpan QuitTimeout = TimeSpan.FromSeconds(10);

    private SmtpClient? _client;

    public string Channel => notifier.Channel;

    public async Task SendAsync(Reminder reminder, bool redelivery, CancellationToken cancellationToken)
    {
        var message = notifier.Message(reminder, redelivery);
        var client = await Connected(cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            Drop();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not { } client) return;
        _client = null;
        try
        {
            // Everything was sent and marked: a QUIT that fails loses nothing.
            using var timeout = new CancellationTokenSource(QuitTimeout);
            await client.DisconnectAsync(true, timeout.Token);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or OperationCanceledException or ServiceNotConnectedException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task<SmtpClient> Connected(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } open)
        {
            try
            {
                await open.NoOpAsync(cancellationToken);
                return open;
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException)
            {
                Drop(); // dropped by the server (idle timeout, 421): open a new one below
            }
        }

        Drop();
        var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, SecureSocketOptions.None, cancellationToken);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return _client = client;
    }

    /// <summary>Closes the connection without a QUIT (its state is unknown).</summary>
    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }
}
