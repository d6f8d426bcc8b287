using ObligationTracker.Scheduling.Notifiers;
using ObligationTracker.Storage.Reminders;

namespace ObligationTracker.Scheduling;

/// <summary>Delivers pending reminders: claim (with a lease) → send on the reminder's channel → mark sent; a failure releases it for a later retry.</summary>
/// <remarks>See <see cref="ReminderStore"/> for what is guaranteed: no reminder lost, at-least-once delivery, duplicates
/// only for a crash between the channel's acceptance and the mark, recognisable by the idempotency key.</remarks>
public sealed class ReminderDispatcher
{
    private readonly ReminderStore _store;
    private readonly IReadOnlyDictionary<string, INotifier> _notifiers;
    private readonly ReminderSettings _settings;

    public ReminderDispatcher(ReminderStore store, IEnumerable<INotifier> notifiers, ReminderSettings settings)
    {
        _store = store;
        _notifiers = notifiers.ToDictionary(n => n.Channel, StringComparer.Ordinal);
        _settings = settings;
    }

    /// <summary>Sends until nothing is pending (or <paramref name="max"/> were claimed), one at a time.</summary>
    public async Task<DeliveryResult> DeliverAsync(int max, CancellationToken cancellationToken)
    {
        int claimed = 0, sent = 0, failed = 0, lost = 0;
        while (claimed < max && !cancellationToken.IsCancellationRequested)
        {
            var batch = _store.Claim(_settings.Node, _settings.Lease, Math.Min(100, max - claimed));
            if (batch.Count == 0) break;
            claimed += batch.Count;
            foreach (var row in batch)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    // Not sent: give it straight back rather than let the lease run out.
                    _store.Release(row, "cancelled before sending", TimeSpan.Zero, int.MaxValue);
                    continue;
                }

                try
                {
                    if (!_notifiers.TryGetValue(row.Reminder.Channel, out var notifier))
                        throw new InvalidOperationException($"The channel '{row.Reminder.Channel}' is not configured on this node.");
                    await notifier.SendAsync(row.Reminder, cancellationToken);
                    if (_store.MarkSent(row)) sent++;
                    else lost++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failed++;
                    _store.Release(row, ex.Message, Backoff(row.Attempts), _settings.MaxAttempts);
                }
            }
        }

        return new DeliveryResult(claimed, sent, failed, lost);
    }

    /// <summary>1, 2, 4 … minutes, at most an hour.</summary>
    private static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));
}
