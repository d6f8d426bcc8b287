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
        Compute(institution, today, includeClosed);

    /// <summary>The entries <paramref name="keep"/> keeps, in register order, and of them the lines [skip, skip + take) with their due dates.</summary>
    /// <remarks>Due dates are computed for that page only: a bank's register has thousands of obligations.</remarks>
    public (int Total, IReadOnlyList<RegisterLine> Lines) Page(StoredInstitution institution, DateOnly today, Func<RegisterEntry, bool> keep, int skip, int take)
    {
        ArgumentNullException.ThrowIfNull(institution);
        ArgumentNullException.ThrowIfNull(keep);
        var kept = store.Register.Applicable(institution, today).Where(keep).ToList();
        var page = kept.Skip(skip).Take(take).ToList();
        var schedule = Schedule().For(institution, page, today.AddDays(-LookBackDays), today.AddYears(1)).ToDictionary(s => s.Entry.ObligationId);
        return (kept.Count, page.Select(e => Line(e, schedule, today)).ToList());
    }

    /// <summary>The institution's dated deadlines in [<paramref name="from"/>, <paramref name="to"/>], by date (the calendar and its .ics).</summary>
    public IReadOnlyList<(RegisterEntry Entry, DueDate Due)> Dated(StoredInstitution institution, DateOnly from, DateOnly to, DateOnly asOf) =>
        InstitutionSchedule.Dated(Schedule().For(institution, from, to, asOf)).ToList();

    public DashboardView Dashboard(StoredInstitution institution, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(institution);
        var (entries, schedule) = Read(institution, today);
        var byStatus = Enum.GetValues<TrackingStatus>().ToDictionary(TrackingCodes.Of, _ => 0);
        var byId = new Dictionary<long, RegisterEntry>(entries.Count);
        var overdue = new List<RegisterLine>();
        foreach (var e in entries)
        {
            byStatus[TrackingCodes.Of(e.Status)]++;
            byId[e.ObligationId] = e;
            if (!e.Active) continue;
            var (next, lastPast) = NextAndLast(schedule, e.ObligationId, today);
            if (IsOverdue(e.Tracking, lastPast, today)) overdue.Add(RegisterLine.From(e, next is null ? null : DueDateView.From(next), overdue: true));
        }

        var next90 = InstitutionSchedule.Dated(schedule.Values)
            .Where(d => d.Due.Date >= today && d.Due.Date <= today.AddDays(DashboardDays) && Reminded(byId[d.Entry.ObligationId]))
            .Select(d => new DeadlineView(d.Due.Date, d.Entry.ObligationId, d.Entry.RegulationId, d.Entry.RegulationTitle, d.Entry.Article, d.Entry.Text,
                d.Due.Basis, d.Due.IsProvisional, byId[d.Entry.ObligationId].Status.Label(), TrackingCodes.Of(byId[d.Entry.ObligationId].Status)))
            .ToList();
        var undated = schedule.Values.Count(s => s.Result.NeedsAttention && s.Result.Undated != UndatedReason.Continuous);
        return new DashboardView(institution.Id, institution.Name, today, entries.Count(e => e.Active), byStatus, entries.Count(e => e.Active && e.Tracking.ReviewRequired),
            next90, [.. overdue.OrderBy(l => l.DueDate ?? DateOnly.MaxValue)], undated);
    }

    /// <summary>The register once, and the schedule computed from it (from a year back to a year ahead).</summary>
    private (IReadOnlyList<RegisterEntry> Entries, Dictionary<long, ScheduledObligation> Schedule) Read(StoredInstitution institution, DateOnly today)
    {
        var entries = store.Register.Applicable(institution, today);
        var schedule = Schedule().For(institution, entries, today.AddDays(-LookBackDays), today.AddYears(1)).ToDictionary(s => s.Entry.ObligationId);
        return (entries, schedule);
    }

    private List<RegisterLine> Compute(StoredInstitution institution, DateOnly today, bool includeClosed)
    {
        ArgumentNullException.ThrowIfNull(institution);
        var (entries, schedule) = Read(institution, today);
        var lines = new List<RegisterLine>(entries.Count);
        foreach (var e in entries)
        {
            if (!includeClosed && e.Status == TrackingStatus.Closed) continue;
            lines.Add(Line(e, schedule, today));
        }

        return lines;
    }

    private static RegisterLine Line(RegisterEntry e, Dictionary<long, ScheduledObligation> schedule, DateOnly today)
    {
        var (next, lastPast) = NextAndLast(schedule, e.ObligationId, today);
        return RegisterLine.From(e, next is null ? null : DueDateView.From(next), e.Active && IsOverdue(e.Tracking, lastPast, today));
    }

    /// <summary>The first computed date from today on, and the last before today.</summary>
    private static (DueDate? Next, DateOnly? LastPast) NextAndLast(Dictionary<long, ScheduledObligation> schedule, long obligationId, DateOnly today)
    {
        if (!schedule.TryGetValue(obligationId, out var s)) return (null, null);
        DueDate? next = null;
        DateOnly? last = null;
        foreach (var d in s.Result.Dates)
        {
            if (d.Date < today) last = d.Date;
            else if (next is null || d.Date < next.Date) next = d;
        }

        return (next, last);
    }

    private static bool IsOverdue(TrackingState tracking, DateOnly? lastComputed, DateOnly today)
    {
        if (tracking.Status == TrackingStatus.Overdue) return true;
        if (tracking.Status is not (TrackingStatus.Pending or TrackingStatus.InProgress)) return false;
        var due = tracking.NextDue ?? lastComputed;
        return due is { } d && d < today && (tracking.LastDone is not { } done || done < d);
    }

    /// <summary>Deadlines worth listing: not for what does not apply or was removed, nor a one-off duty already met.</summary>
    private static bool Reminded(RegisterEntry entry) =>
        entry.Status is not (TrackingStatus.NotApplicable or TrackingStatus.Closed)
        && !(entry.Status == TrackingStatus.Compliant && entry.DeadlineKind != "recurring");

    private InstitutionSchedule Schedule() => new(store, reminders, new DueDateCalculator(calendar));
}
