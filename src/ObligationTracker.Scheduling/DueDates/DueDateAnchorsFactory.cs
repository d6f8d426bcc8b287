using ObligationTracker.Core.Mining.Deadlines;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Reminders;

namespace ObligationTracker.Scheduling.DueDates;

/// <summary>What each deadline counts from: the regulation's dates, the institution's recorded events, when it last did the duty.</summary>
internal sealed class DueDateAnchorsFactory
{
    private readonly Dictionary<long, (DateOnly? Effective, DateOnly? Issued)> _regulations;

    public DueDateAnchorsFactory(IEnumerable<StoredRegulation> regulations) =>
        _regulations = regulations.ToDictionary(r => r.Id, r => (r.Effective, r.Issued));

    /// <summary>The anchors shared by every institution (regulation dates only).</summary>
    public DueDateAnchors Common(long regulationId) =>
        _regulations.TryGetValue(regulationId, out var r) ? new DueDateAnchors(r.Effective, r.Issued) : DueDateAnchors.None;

    /// <summary>True when the institution's own facts can change the dates: events, or a last-done date for an every-N-years duty.</summary>
    public static bool IsPersonal(Deadline deadline) =>
        deadline.Kind == DeadlineKind.Event || deadline is { Kind: DeadlineKind.Recurring, Frequency: Frequency.EveryNYears };

    public DueDateAnchors For(long regulationId, long obligationId, Deadline deadline, IReadOnlyList<RecordedEvent> events, DateOnly? lastDone) =>
        Common(regulationId) with
        {
            EventDates = deadline.Kind == DeadlineKind.Event ? EventStore.DatesFor(events, obligationId, deadline.Event) : null,
            LastDone = lastDone,
        };
}
