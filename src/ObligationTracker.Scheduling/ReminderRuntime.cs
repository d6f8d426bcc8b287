using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Scheduling.DueDates;
using ObligationTracker.Scheduling.Export;
using ObligationTracker.Scheduling.Notifiers;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Reminders;

namespace ObligationTracker.Scheduling;

/// <summary>What the scheduler's jobs work with: the store, the calendar, the settings, the channels and the clock.</summary>
/// <remarks>Each job run opens its own connections (a connection is not shared between threads).</remarks>
public sealed class ReminderRuntime
{
    private readonly Func<HolidayCalendar> _calendar;

    public ReminderRuntime(StoreSettings store, ReminderSettings settings, HolidayCalendar calendar, IReadOnlyList<INotifier> notifiers, TimeProvider clock)
        : this(store, settings, () => calendar, notifiers, clock)
    {
    }

    /// <param name="calendar">Asked at each use, so a holiday year imported while the scheduler runs counts from the next scan.</param>
    public ReminderRuntime(StoreSettings store, ReminderSettings settings, Func<HolidayCalendar> calendar, IReadOnlyList<INotifier> notifiers, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Store = store;
        Settings = settings;
        _calendar = calendar;
        Notifiers = notifiers;
        Clock = clock;
    }

    public StoreSettings Store { get; }

    public ReminderSettings Settings { get; }

    /// <summary>The holiday calendar as it stands now.</summary>
    public HolidayCalendar Calendar => _calendar();

    public IReadOnlyList<INotifier> Notifiers { get; }

    public TimeProvider Clock { get; }

    /// <summary>Told of each scan and delivery round (the console of <c>ot serve</c>, tests).</summary>
    public event Action<ScanResult>? Scanned;

    public event Action<DeliveryResult>? Delivered;

    /// <summary>The channels the settings turn on.</summary>
    public static IReadOnlyList<INotifier> NotifiersFor(ReminderSettings settings, TextWriter log, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var list = new List<INotifier>();
        if (settings.Log) list.Add(new LogNotifier(log));
        if (settings.SmtpHost is not null) list.Add(new SmtpNotifier(settings));
        if (settings.WebhookUrl is { } url) list.Add(new WebhookNotifier(http, url));
        return list;
    }

    public ScanResult Scan()
    {
        using var store = RegulationStore.Open(Store, Clock);
        using var reminders = ReminderStore.Open(Store, Clock);
        var calculator = new DueDateCalculator(Calendar);
        var scanner = new ReminderScanner(store, reminders, calculator, Settings, Clock);
        var result = scanner.Run();
        if (Settings.IcsFolder is { } folder) WriteFeeds(store, reminders, calculator, scanner.Today, folder);
        Scanned?.Invoke(result);
        return result;
    }

    /// <summary>One feed per institution, <c>ID.ics</c>, written whole then renamed so a subscriber never reads half a file.</summary>
    private void WriteFeeds(RegulationStore store, ReminderStore reminders, DueDateCalculator calculator, DateOnly today, string folder)
    {
        Directory.CreateDirectory(folder);
        var schedule = new InstitutionSchedule(store, reminders, calculator);
        foreach (var institution in store.Institutions.List())
        {
            var dated = InstitutionSchedule.Dated(schedule.For(institution, today.AddDays(-30), today.AddYears(1), today));
            var file = Path.Combine(folder, institution.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".ics");
            File.WriteAllText(file + ".tmp", DueDateIcs.Build(institution, dated, Clock.GetUtcNow()));
            File.Move(file + ".tmp", file, overwrite: true);
        }
    }

    public async Task<DeliveryResult> DeliverAsync(int max, CancellationToken cancellationToken)
    {
        using var reminders = ReminderStore.Open(Store, Clock);
        var result = await new ReminderDispatcher(reminders, Notifiers, Settings).DeliverAsync(max, cancellationToken);
        if (result.Claimed > 0) Delivered?.Invoke(result);
        return result;
    }
}
