namespace ObligationTracker.Core.Scheduling;

/// <summary>The facts a deadline counts from, for one (institution, obligation).</summary>
/// <param name="EffectiveDate">The regulation's 施行 date.</param>
/// <param name="IssueDate">The regulation's 发布/印发 date.</param>
/// <param name="EventDates">Dates the institution recorded for the obligation's triggering event (<c>ot event</c>).</param>
/// <param name="LastDone">When the institution last met a duty that recurs every N years (tracking's last_done).</param>
public sealed record DueDateAnchors(DateOnly? EffectiveDate, DateOnly? IssueDate, IReadOnlyList<DateOnly>? EventDates = null, DateOnly? LastDone = null)
{
    public static readonly DueDateAnchors None = new(null, null);

    public IReadOnlyList<DateOnly> Events => EventDates ?? [];
}
