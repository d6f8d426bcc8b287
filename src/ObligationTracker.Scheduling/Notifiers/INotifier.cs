using ObligationTracker.Core.Scheduling;

namespace ObligationTracker.Scheduling.Notifiers;

/// <summary>One delivery channel. <see cref="SendAsync"/> returns once the channel has accepted the reminder, and throws when it has not.</summary>
public interface INotifier
{
    /// <summary>The channel name reminders carry (log, email, webhook).</summary>
    string Channel { get; }

    Task SendAsync(Reminder reminder, CancellationToken cancellationToken);
}
