using ObligationTracker.Core.Mining.Deadlines;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Register;
using ObligationTracker.Storage.Reminders;

namespace ObligationTracker.Scheduling.DueDates;

/// <summary>Every due date of one institution's register in a window, with the obligations that have none listed and why.</summary>
/// <remarks>The regulations' dates are read once per schedule, on first use, so the .ics feeds of every institution
/// after a scan do not read them again for each one.</remarks>
public sealed class InstitutionSchedule
{
    private readonly RegulationStore _store;
    private readonly ReminderStore _reminders;
    private readonly DueDateCalculator _calculator;
    private DueDateAnchorsFactory? _anchors;

    public InstitutionSchedule(RegulationStore store, ReminderStore reminders, DueDateCalculator calculator)
    {
        _store = store;
        _reminders = reminders;
        _calculator = calculator;
    }

    /// <summary>The register of <paramref name="institution"/> on <paramref name="asOf"/>, each obligation with a deadline computed for [from, to].</summary>
    public IReadOnlyList<ScheduledObligation> For(StoredInstitution institution, DateOnly from, DateOnly to, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(institution);
        return For(institution, _store.Register.Applicable(institution, asOf), from, to);
    }

    /// <summary>The same for a register the caller has read already (so it is read once).</summary>
    public IReadOnlyList<ScheduledObligation> For(StoredInstitution institution, IEnumerable<RegisterEntry> register, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(institution);
        ArgumentNullException.ThrowIfNull(register);
        var anchors = _anchors ??= new DueDateAnchorsFactory(_store.List());
        var events = _reminders.Events.List(institution.Id);
        var list = new List<ScheduledObligation>();
        foreach (var entry in register)
        {
            if (!entry.Active || entry.DeadlineJson is null) continue;
            var deadline = DeadlineJson.Parse(entry.DeadlineJson, out var error);
            if (deadline is null)
            {
                list.Add(new ScheduledObligation(entry, null, DueDateResult.Without(UndatedReason.Vague, error ?? "unreadable deadline")));
                continue;
            }

            var a = anchors.For(entry.RegulationId, entry.ObligationId, deadline, events, entry.Tracking.LastDone);
            list.Add(new ScheduledObligation(entry, deadline, _calculator.Compute(deadline, a, from, to)));
        }

        return list;
    }

    /// <summary>The dated ones flattened and sorted by date.</summary>
    public static IEnumerable<(RegisterEntry Entry, DueDate Due)> Dated(IEnumerable<ScheduledObligation> schedule) =>
        schedule.SelectMany(s => s.Result.Dates.Select(d => (s.Entry, d))).OrderBy(x => x.d.Date).ThenBy(x => x.Entry.ObligationId);
}
