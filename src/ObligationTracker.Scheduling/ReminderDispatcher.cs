using ObligationTracker.Scheduling.Notifiers;
using ObligationTracker.Storage.Reminders;

namespace ObligationTracker.Scheduling;

/// <summary>Delivers pending reminders: claim (with a lease) → begin → send on the reminder's channel → mark sent; a
/// failure releases it for a later retry.</summary>
/// <remarks>See <see cref="ReminderStore"/> for what is guaranteed: no reminder lost; a second transmission only of a
/// reminder left in doubt by a crash or timeout during its send, under the same idempotency key and flagged as a
/// redelivery, so the receiver processes each reminder once.</remarks>
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
    /// <remarks>Each channel is asked for a sender for the round (<see cref="INotifier.ForRound"/>), closed when the round
    /// ends: SMTP opens one connection for the round's e-mails, not one per e-mail.</remarks>
    public async Task<DeliveryResult> DeliverAsync(int max, CancellationToken cancellationToken)
    {
        var rounds = new Dictionary<string, INotifier>(StringComparer.Ordinal);
        try
        {
            return await DeliverAsync(max, rounds, cancellationToken);
        }
        finally
        {
            foreach (var round in rounds.Values)
                if (round is IAsyncDisposable closing && !ReferenceEquals(round, _notifiers[round.Channel])) await closing.DisposeAsync();
        }
    }

    private async Task<DeliveryResult> DeliverAsync(int max, Dictionary<string, INotifier> rounds, CancellationToken cancellationToken)
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

                if (!_notifiers.TryGetValue(row.Reminder.Channel, out var channel))
                {
                    failed++;
                    _store.Release(row, $"The channel '{row.Reminder.Channel}' is not configured on this node.", Backoff(row.Attempts), _settings.MaxAttempts);
                    continue;
                }

                if (!_store.BeginSend(row, _settings.Lease))
                {
                    lost++; // the lease ran out while earlier ones were sent: someone else may hold it now
                    continue;
                }

                if (!rounds.TryGetValue(channel.Channel, out var notifier)) rounds[channel.Channel] = notifier = channel.ForRound();

                // Not the stop token: a stop lets the send in flight finish and be marked instead of leaving it in doubt.
                // Half the lease, so no other node can take the reminder over while this send may still be running.
                using var timeout = new CancellationTokenSource(_settings.Lease / 2);
                try
                {
                    await notifier.SendAsync(row.Reminder, row.InDoubt, timeout.Token);
                    if (_store.MarkSent(row)) sent++;
                    else lost++;
                }
                catch (Exception ex)
                {
                    failed++;
                    _store.Release(row, ex.Message, Backoff(row.Attempts), _settings.MaxAttempts, inDoubt: !IsRefusal(ex));
                }
            }
        }

        return new DeliveryResult(claimed, sent, failed, lost);
    }

    /// <summary>The channel answered and did not take the reminder; anything else (a timeout, a broken connection) may
    /// have come after the channel took it, so the retry is flagged as a redelivery.</summary>
    private static bool IsRefusal(Exception ex) =>
        ex is HttpRequestException { StatusCode: not null } or MailKit.Net.Smtp.SmtpCommandException;

    /// <summary>1, 2, 4 … minutes, at most an hour.</summary>
    private static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));
}
