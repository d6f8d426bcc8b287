namespace ObligationTracker.Storage.Reminders;

/// <summary>A date an institution recorded for an event that starts an obligation's time limit (<c>ot event</c>).</summary>
/// <param name="ObligationId">The obligation it is for; null when recorded by event phrase for every obligation naming it.</param>
/// <param name="Event">The event phrase it was recorded under (matched as a substring of the deadline's event); null when by obligation.</param>
public sealed record RecordedEvent(long Id, long InstitutionId, long? ObligationId, string? Event, DateOnly Date, string? Note, DateTimeOffset RecordedAt, string RecordedBy);
