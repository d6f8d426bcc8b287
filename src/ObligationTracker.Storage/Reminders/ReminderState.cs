namespace ObligationTracker.Storage.Reminders;

/// <summary>Where a reminder's delivery stands.</summary>
public enum ReminderState
{
    /// <summary>Enqueued by the scan, or released after a failed attempt: any sender may claim it.</summary>
    Pending,

    /// <summary>A sender holds it until its lease ends; after that another may claim it again.</summary>
    Claimed,

    /// <summary>Handed to its channel and not yet acknowledged. A sender that dies now leaves it in doubt: when the
    /// lease ends it is sent again under the same idempotency key, flagged as a redelivery.</summary>
    Sending,

    /// <summary>Delivered and marked: never sent again.</summary>
    Sent,

    /// <summary>Given up after too many attempts; shown for a person to look at.</summary>
    Failed,
}
