using ObligationTracker.Storage.Database;

namespace ObligationTracker.Storage.Reminders;

/// <summary>Event dates institutions record (变更注册资本 on 2025-03-02): the start of event-triggered time limits.</summary>
/// <remarks>Append-only like the tracking history: a wrong date is corrected by recording the right one with a note.</remarks>
public sealed class EventStore
{
    private readonly StoreConnection _db;
    private readonly TimeProvider _clock;

    internal EventStore(StoreConnection db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <summary>Records an event for one obligation (<paramref name="obligationId"/>) or for every obligation whose event names <paramref name="eventPhrase"/>.</summary>
    public RecordedEvent Record(long institutionId, long? obligationId, string? eventPhrase, DateOnly date, string? note, string actor)
    {
        if (obligationId is null && string.IsNullOrWhiteSpace(eventPhrase))
            throw new ArgumentException("An event is recorded for an obligation or under an event phrase.");
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = _clock.GetUtcNow();
        var id = _db.InsertReturningId("""
            INSERT INTO institution_events (institution_id, obligation_id, event, event_date, note, recorded_at, recorded_by)
            VALUES (@i, @o, @e, @d, @n, @at, @by)
            """, null, ("@i", institutionId), ("@o", obligationId), ("@e", eventPhrase?.Trim()), ("@d", Read.Iso(date)), ("@n", note), ("@at", Read.Iso(now)), ("@by", actor));
        return new RecordedEvent(id, institutionId, obligationId, eventPhrase?.Trim(), date, note, now, actor);
    }

    /// <summary>The id of the last recorded event (0 before the first): changes when an event is recorded, for caches.</summary>
    public long LastId() => Convert.ToInt64(_db.Scalar("SELECT COALESCE(MAX(id), 0) FROM institution_events", null), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every event of the institutions given (all when null), oldest first.</summary>
    public IReadOnlyList<RecordedEvent> List(long? institutionId = null) =>
        _db.Query($"""
            SELECT id, institution_id, obligation_id, event, event_date, note, recorded_at, recorded_by FROM institution_events
            {(institutionId is null ? "" : "WHERE institution_id = @i")} ORDER BY id
            """, null, r => new RecordedEvent(Read.Long(r, 0), Read.Long(r, 1), r.IsDBNull(2) ? null : Read.Long(r, 2), Read.Text(r, 3),
                Read.Date(r, 4)!.Value, Read.Text(r, 5), Read.Instant(r, 6), r.GetString(7)), ("@i", institutionId));

    /// <summary>The dates that start an obligation's limit for an institution: recorded for it, or under a phrase its event contains.</summary>
    public static IReadOnlyList<DateOnly> DatesFor(IEnumerable<RecordedEvent> events, long obligationId, string? deadlineEvent) =>
        events.Where(e => e.ObligationId == obligationId
                || (e.ObligationId is null && e.Event is { Length: > 0 } phrase && deadlineEvent is not null && deadlineEvent.Contains(phrase, StringComparison.Ordinal)))
            .Select(e => e.Date).Distinct().Order().ToList();
}
