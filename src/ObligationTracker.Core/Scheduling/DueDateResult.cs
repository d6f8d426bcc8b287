namespace ObligationTracker.Core.Scheduling;

/// <summary>The due dates of one deadline inside a window, or why it has none.</summary>
public sealed record DueDateResult(IReadOnlyList<DueDate> Dates, UndatedReason Undated, string? Note = null)
{
    public static DueDateResult Of(IReadOnlyList<DueDate> dates) => new(dates, UndatedReason.None);

    public static DueDateResult Without(UndatedReason reason, string note) => new([], reason, note);

    /// <summary>True when the deadline cannot produce a date until someone acts (review, record an event, give an anchor).</summary>
    public bool NeedsAttention => Undated is not UndatedReason.None;
}
