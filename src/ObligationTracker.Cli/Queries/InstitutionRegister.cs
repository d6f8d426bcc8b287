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

    /// <summary>One line of the register (removed obligations included), or null when the obligation does not bind the institution.</summary>
    /// <remarks>Due dates are computed for that obligation only, as <see cref="Page"/> does for a page.</remarks>
    public RegisterLine? Line(StoredInstitution institution, long obligationId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(institution);
        var found = store.Register.Applicable(institution, today, obligationId);
        if (found.Count == 0) return null;
        var schedule = Schedule().For(institution, found, today.AddDays(-LookBackDays), today.AddYears(1)).ToDictionary(s => s.Entry.ObligationId);
        return Line(found[0], schedule, today);
    }

    /// <summary>The institution's dated deadlines in [<paramref name="from"/>, <paramref name="to"/>], by date (the calendar and its .ics).</summary>
    public IReadOnlyList<(RegisterEntry Entry, DueDate Due)> Dated(StoredInstitution institution, DateOnly from, DateOnly to, DateOnly asOf) =>
        InstitutionSchedule.Dated(Schedule().For(institution, from, to, asOf)).ToList();

    public DashboardView Dashboard(StoredInstitution institution, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(institution);
        var (entries, schedule) = Read(institution, today);
        return Dashboard(institution, today, entries, schedule);
    }

    /// <summary>The dashboard and the whole register (已关闭 included) from one read of the register: the dashboard page shows both.</summary>
    public (DashboardView Dashboard, IReadOnlyList<RegisterLine> Lines) Overview(StoredInstitution institution, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(institution);
        var (entries, schedule) = Read(institution, today);
        return (Dashboard(institution, today, entries, schedule), [.. entries.Select(e => Line(e, schedule, today))]);
    }

    private static DashboardView Dashboard(StoredInstitution institution, DateOnly today, IReadOnlyList<RegisterEntry> entries, Dictionary<long, ScheduledObligation> schedule)
    {
        var byStatus = Enum.GetValues<TrackingStatus>().ToDictionary(TrackingCodes.Of, _ => 0);
        var byId = new Dictionary<long, RegisterEntry>(entries.Count);
        var overdue = new List<RegisterLine>();
        foreach (var e in entries)
        {
            byStatus[TrackingCodes.Of(e.Status)]++;
            byId[e.ObligationId] = e;
            if (!e.Active) continue;
            if (Line(e, schedule, today) is { Overdue: true } line) overdue.Add(line);
        }

        var next90 = InstitutionSchedule.Dated(schedule.Values)
            .Where(d => d.Due.Date >= today && d.Due.Date <= today.AddDays(DashboardDays) && Reminded(byId[d.Entry.ObligationId]))
            .Select(d => new DeadlineView(d.Due.Date, d.Entry.ObligationId, d.Entry.RegulationId, d.Entry.RegulationTitle, d.Entry.Article, d.Entry.Text,
                d.Due.Basis, d.Due.IsProvisional, byId[d.Entry.ObligationId].Status.Label(), TrackingCodes.Of(byId[d.Entry.ObligationId].Status)))
            .ToList();
        var undated = schedule.Values.Count(s => s.Result.NeedsAttention && s.Result.Undated != UndatedReason.Continuous);
        return new DashboardView(institution.Id, institution.Name, today, entries.Count(e => e.Active), byStatus, entries.Count(e => e.Active && e.Tracking.ReviewRequired),
            next90, [.. overdue.OrderBy(l => l.MissedDue ?? l.DueDate ?? DateOnly.MaxValue)], undated);
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
        var (next, lastPast, cycleStart) = NextAndLast(schedule, e.ObligationId, today);
        var (overdue, missed) = e.Active ? IsOverdue(e.Tracking, lastPast, cycleStart, today) : (false, null);
        return new RegisterLine(e, next is null ? null : DueDateView.From(next), missed, overdue);
    }

    /// <summary>The first computed date from today on, the last before today, and the one before that (where the
    /// last one's cycle began).</summary>
    private static (DueDate? Next, DateOnly? LastPast, DateOnly? CycleStart) NextAndLast(Dictionary<long, ScheduledObligation> schedule, long obligationId, DateOnly today)
    {
        if (!schedule.TryGetValue(obligationId, out var s)) return (null, null, null);
        DueDate? next = null;
        DateOnly? last = null, beforeLast = null;
        foreach (var d in s.Result.Dates.OrderBy(d => d.Date))
        {
            if (d.Date < today)
            {
                beforeLast = last;
                last = d.Date;
            }
            else if (next is null) next = d;
        }

        return (next, last, beforeLast);
    }

    /// <summary>Whether it is overdue, and the due date it missed (none when it is only marked 逾期 and no date passed unmet).</summary>
    /// <remarks>A duty is met for a due date by a completion recorded after the previous computed date (the previous
    /// cycle's), early or on the day: a quarterly report filed on 8 April meets the 10 April date, one filed on 5 January
    /// met January's. A due date set by hand has no cycle: any completion recorded meets it.</remarks>
    private static (bool Overdue, DateOnly? Missed) IsOverdue(TrackingState tracking, DateOnly? lastComputed, DateOnly? cycleStart, DateOnly today)
    {
        if (tracking.Status is not (TrackingStatus.Pending or TrackingStatus.InProgress or TrackingStatus.Overdue)) return (false, null);
        var due = tracking.NextDue ?? lastComputed;
        var after = tracking.NextDue is null ? cycleStart ?? DateOnly.MinValue : DateOnly.MinValue;
        var met = tracking.LastDone is { } done && done > after;
        DateOnly? missed = due is { } d && d < today && !met ? d : null;
        return (tracking.Status == TrackingStatus.Overdue || missed is not null, missed);
    }

    /// <summary>Deadlines worth listing: not for what does not apply or was removed, nor a one-off duty already met.</summary>
    private static bool Reminded(RegisterEntry entry) =>
        entry.Status is not (TrackingStatus.NotApplicable or TrackingStatus.Closed)
        && !(entry.Status == TrackingStatus.Compliant && entry.DeadlineKind != "recurring");

    private InstitutionSchedule Schedule() => new(store, reminders, new DueDateCalculator(calendar));
}
