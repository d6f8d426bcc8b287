using ObligationTracker.Core.Scheduling;

namespace ObligationTracker.Storage.Reminders;

/// <summary>A reminder row: the reminder, its delivery state, and the claim a sender holds on it.</summary>
/// <param name="ClaimToken">Proves the claim when marking: a sender whose lease ran out and was re-claimed cannot mark it.</param>
/// <param name="InDoubt">An earlier attempt was handed to the channel and its outcome is unknown (the sender died or
/// timed out before the acknowledgement): the next send is a redelivery under the same key.</param>
public sealed record StoredReminder(
    long Id,
    Reminder Reminder,
    ReminderState State,
    int Attempts,
    string? ClaimedBy,
    string? ClaimToken,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset? SentAt,
    string? LastError,
    bool InDoubt = false);
