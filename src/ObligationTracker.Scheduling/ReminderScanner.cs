using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Mining.Deadlines;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Scheduling.DueDates;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Register;
using ObligationTracker.Storage.Reminders;

namespace ObligationTracker.Scheduling;

/// <summary>The daily scan: computes due dates for every (institution, obligation) and enqueues the reminders whose day has come.</summary>
/// <remarks>
/// <para>Institutions of the same types share their register, and a deadline that depends only on its regulation
/// has the same dates for all of them, so both are computed once per group and once per obligation; only
/// event-triggered and every-N-years duties are computed per institution.</para>
/// <para>No reminder for an obligation tracked as 不适用 or 已关闭, nor for a one-off duty tracked as 已合规 (a
/// recurring duty that is 已合规 is still reminded of its next period).</para>
/// </remarks>
public sealed class ReminderScanner
{
    private readonly RegulationStore _store;
    private readonly ReminderStore _reminders;
    private readonly DueDateCalculator _calculator;
    private readonly ReminderSettings _settings;
    private readonly TimeProvider _clock;

    public ReminderScanner(RegulationStore store, ReminderStore reminders, DueDateCalculator calculator, ReminderSettings settings, TimeProvider clock)
    {
        _store = store;
        _reminders = reminders;
        _calculator = calculator;
        _settings = settings;
        _clock = clock;
    }

    /// <summary>Today on the Chinese calendar.</summary>
    public DateOnly Today => ChinaDate.Today(_clock);

    /// <summary>Scans the days since the last completed scan up to today, and records the scan with its reminders in one transaction.</summary>
    public ScanResult Run()
    {
        var today = Today;
        var after = _reminders.LastScan() ?? today.AddDays(-1);
        if (after >= today) return new ScanResult(after, today, 0, 0, 0, 0);
        var stats = new Counter();
        var enqueued = _reminders.CompleteScan(today, Plan(after, today, stats), _settings.Node);
        return new ScanResult(after, today, stats.Institutions, stats.Pairs, stats.Planned, enqueued);
    }

    /// <summary>The reminders whose send day is in (<paramref name="after"/>, <paramref name="through"/>], on every channel that is on.</summary>
    public IEnumerable<Reminder> Plan(DateOnly after, DateOnly through) => Plan(after, through, new Counter());

    // The reminder store's reads happen here, eagerly: the plan is then enumerated inside the store's write transaction.
    private IEnumerable<Reminder> Plan(DateOnly after, DateOnly through, Counter stats) =>
        Plan(after, through, stats, _reminders.TrackingFacts(), _reminders.Events.List().ToLookup(e => e.InstitutionId));

    private IEnumerable<Reminder> Plan(DateOnly after, DateOnly through, Counter stats,
        IReadOnlyDictionary<(long Institution, long Obligation), (TrackingStatus Status, DateOnly? LastDone)> facts, ILookup<long, RecordedEvent> events)
    {
        var channels = _settings.Channels;
        if (channels.Count == 0) yield break;
        var leads = _settings.LeadTimes;
        var (from, to) = ReminderPlanner.DueWindow(leads, after, through);
        var anchors = new DueDateAnchorsFactory(_store.List());
        var deadlines = new Dictionary<long, Deadline?>();
        var shared = new Dictionary<long, IReadOnlyList<DueDate>>();
        foreach (var group in _store.Institutions.List().GroupBy(i => string.Join('|', i.Types.Order(StringComparer.Ordinal))))
        {
            var register = _store.Register.Applicable(group.First(), through).Where(e => e.Active && e.DeadlineJson is not null).ToList();
            foreach (var institution in group)
            {
                stats.Institutions++;
                var own = events[institution.Id].ToList();
                foreach (var entry in register)
                {
                    stats.Pairs++;
                    if (!deadlines.TryGetValue(entry.ObligationId, out var deadline))
                        deadlines[entry.ObligationId] = deadline = DeadlineJson.Parse(entry.DeadlineJson!, out _);
                    if (deadline is null || deadline.Kind == DeadlineKind.Vague) continue;
                    facts.TryGetValue((institution.Id, entry.ObligationId), out var fact);
                    if (fact.Status is TrackingStatus.NotApplicable or TrackingStatus.Closed) continue;
                    if (fact.Status == TrackingStatus.Compliant && deadline.Kind != DeadlineKind.Recurring) continue;
                    IReadOnlyList<DueDate> dates;
                    if (DueDateAnchorsFactory.IsPersonal(deadline))
                    {
                        dates = _calculator.Compute(deadline, anchors.For(entry.RegulationId, entry.ObligationId, deadline, own, fact.LastDone), from, to).Dates;
                    }
                    else if (!shared.TryGetValue(entry.ObligationId, out dates!))
                    {
                        dates = _calculator.Compute(deadline, anchors.Common(entry.RegulationId), from, to).Dates;
                        shared[entry.ObligationId] = dates;
                    }

                    foreach (var due in dates)
                    {
                        if (ReminderPlanner.LeadToSend(due.Date, leads, after, through) is not { } lead) continue;
                        foreach (var channel in channels)
                        {
                            stats.Planned++;
                            yield return Make(institution, entry, due, lead, channel);
                        }
                    }
                }
            }
        }
    }

    private static Reminder Make(StoredInstitution institution, RegisterEntry entry, DueDate due, int lead, string channel) =>
        new(institution.Id, institution.Name, entry.ObligationId, entry.Key, entry.RegulationTitle, entry.DocumentNumber, entry.Article, entry.Text,
            due.Date, due.Basis, lead, due.IsProvisional, due.Warning, channel);

    private sealed class Counter
    {
        public int Institutions;
        public int Pairs;
        public int Planned;
    }
}
