using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Scheduling.DueDates;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Register;
using ObligationTracker.Storage.Reminders;

namespace ObligationTracker.Cli.Queries;

/// <summary>An institution's register with due dates and what is overdue: the API's obligations, dashboard and calendar, and the CLI's.</summary>
/// <remarks>
/// <para>Due dates come from <see cref="InstitutionSchedule"/> (the mined deadline, the regulation's dates, the institution's
/// recorded events, the holiday calendar), from a year back to a year ahead.</para>
/// <para>An obligation is overdue when it is marked 逾期, or when it is still 待评估 or 进行中 and the date that counts —
/// the due date set in its tracking, else the latest computed date before today — has passed and it was not done
/// (its last-done date is not on or after that date). 已合规, 不适用 and 已关闭 are never overdue.</para>
/// </remarks>
internal sealed class InstitutionRegister(RegulationStore store, ReminderStore reminders, HolidayCalendar calendar)
{
    public const int LookBackDays = 365;

    /// <summary>How far ahead the dashboard lists deadlines.</summary>
    public const int DashboardDays = 90;

    /// <summary>The register's entries as <c>ot obligations</c> and the XLSX export list them: one status, else all but 已关闭.</summary>
    public static IReadOnlyList<RegisterEntry> Entries(RegulationStore store, StoredInstitution institution, TrackingStatus? only, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Register.Applicable(institution, asOf).Where(e => only is { } s ? e.Status == s : e.Status != TrackingStatus.Closed).ToList();
    }

    /// <summary>The register on <paramref name="today"/>, removed obligations (已关闭) only when <paramref name="includeClosed"/>.</summary>
    public IReadOnlyList<RegisterLine> Lines(StoredInstitution institution, DateOnly today, bool includeClosed = false) =>
        Compute(institution, today, includeClosed).Lines;

    /// <summary>The institution's dated deadlines in [<paramref name="from"/>, <paramref name="to"/>], by date (the calendar and its .ics).</summary>
    public IReadOnlyList<(RegisterEntry Entry, DueDate Due)> Dated(StoredInstitution institution, DateOnly from, DateOnly to, DateOnly asOf) =>
        InstitutionSchedule.Dated(Schedule().For(institution, from, to, asOf)).ToList();

    public DashboardView Dashboard(StoredInstitution institution, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(institution);
        var (lines, dated, undated) = Compute(institution, today, includeClosed: true);
        var byStatus = Enum.GetValues<TrackingStatus>().ToDictionary(s => TrackingCodes.Of(s), s => lines.Count(l => l.StatusCode == TrackingCodes.Of(s)));
        var open = lines.Where(l => l.Active).ToList();
        var byId = lines.ToDictionary(l => l.ObligationId);
        var next = dated
            .Where(d => d.Due.Date >= today && d.Due.Date <= today.AddDays(DashboardDays) && byId.TryGetValue(d.Entry.ObligationId, out var l) && Reminded(l))
            .Select(d => new DeadlineView(d.Due.Date, d.Entry.ObligationId, d.Entry.RegulationId, d.Entry.RegulationTitle, d.Entry.Article, d.Entry.Text,
                d.Due.Basis, d.Due.IsProvisional, byId[d.Entry.ObligationId].Status, byId[d.Entry.ObligationId].StatusCode))
            .ToList();
        return new DashboardView(institution.Id, institution.Name, today, open.Count, byStatus, open.Count(l => l.ReviewRequired),
            next, [.. open.Where(l => l.Overdue).OrderBy(l => l.DueDate ?? DateOnly.MaxValue)], undated);
    }

    private (List<RegisterLine> Lines, List<(RegisterEntry Entry, DueDate Due)> Dated, int Undated) Compute(StoredInstitution institution, DateOnly today, bool includeClosed)
    {
        ArgumentNullException.ThrowIfNull(institution);
        var schedule = Schedule().For(institution, today.AddDays(-LookBackDays), today.AddYears(1), today);
        var byObligation = schedule.ToDictionary(s => s.Entry.ObligationId);
        var lines = new List<RegisterLine>();
        foreach (var e in store.Register.Applicable(institution, today))
        {
            if (!includeClosed && e.Status == TrackingStatus.Closed) continue;
            var dates = byObligation.TryGetValue(e.ObligationId, out var s) ? s.Result.Dates : [];
            var next = dates.FirstOrDefault(d => d.Date >= today);
            var lastPast = dates.LastOrDefault(d => d.Date < today);
            lines.Add(RegisterLine.From(e, next is null ? null : DueDateView.From(next), IsOverdue(e.Tracking, lastPast?.Date, today)));
        }

        var dated = InstitutionSchedule.Dated(schedule).ToList();
        var undated = schedule.Count(s => s.Result.NeedsAttention && s.Result.Undated != UndatedReason.Continuous);
        return (lines, dated, undated);
    }

    private static bool IsOverdue(TrackingState tracking, DateOnly? lastComputed, DateOnly today)
    {
        if (tracking.Status == TrackingStatus.Overdue) return true;
        if (tracking.Status is not (TrackingStatus.Pending or TrackingStatus.InProgress)) return false;
        var due = tracking.NextDue ?? lastComputed;
        return due is { } d && d < today && (tracking.LastDone is not { } done || done < d);
    }

    /// <summary>Deadlines worth listing: not for what does not apply or was removed, nor a one-off duty already met.</summary>
    private static bool Reminded(RegisterLine line) =>
        line.StatusCode is not ("not-applicable" or "closed") && !(line.StatusCode == "compliant" && line.Deadline?.GetProperty("kind").GetString() != "recurring");

    private InstitutionSchedule Schedule() => new(store, reminders, new DueDateCalculator(calendar));
}
