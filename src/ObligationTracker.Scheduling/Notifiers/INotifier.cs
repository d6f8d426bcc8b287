using ObligationTracker.Core.Scheduling;

namespace ObligationTracker.Scheduling.Notifiers;

/// <summary>One delivery channel. <see cref="SendAsync"/> returns once the channel has accepted the reminder, and throws when it has not.</summary>
public interface INotifier
{
    /// <summary>The channel name reminders carry (log, email, webhook).</summary>
    string Channel { get; }

    /// <param name="redelivery">An earlier attempt may have reached the receiver (see <c>ReminderStore</c>): say so, so
    /// that it can drop the copy by the idempotency key.</param>
    Task SendAsync(Reminder reminder, bool redelivery, CancellationToken cancellationToken);

    /// <summary>What sends one delivery round's reminders on this channel; the dispatcher disposes it at the round's end
    /// when it is <see cref="IAsyncDisposable"/>.</summary>
    /// <remarks>A channel that holds a connection (SMTP) opens it once per round rather than once per reminder; one
    /// without (the log, the webhook's pooled HttpClient) sends as it is.</remarks>
    INotifier ForRound() => this;
}
