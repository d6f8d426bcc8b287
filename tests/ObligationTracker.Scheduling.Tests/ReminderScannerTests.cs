using Microsoft.Extensions.Time.Testing;
using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Mining.Deadlines;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Register;
using ObligationTracker.Storage.Reminders;
using Xunit;

namespace ObligationTracker.Scheduling.Tests;

public sealed class ReminderScannerTests : IDisposable
{
    private static readonly DateOnly Effective = new(2026, 1, 1);
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(TestData.ChinaMorning(new DateOnly(2026, 2, 27)));
    private readonly StoreSettings _settings;
    private readonly ReminderSettings _reminders = new() { Log = true, WebhookUrl = new Uri("http://127.0.0.1:9/hook") };

    public ReminderScannerTests()
    {
        _settings = TestData.Sqlite(_folder.Path);
        TestData.Seed(_settings, _clock, Effective,
            Deadline.Absolute(new DateOnly(2026, 3, 31)),
            Deadline.Recurring(Frequency.Quarterly, offset: "P15D", workingDays: true),
            Deadline.ForEvent("发生重大风险事件", "P5D", workingDays: true),
            Deadline.Vague("及时"));
    }

    private void At(int month, int day) => _clock.SetUtcNow(TestData.ChinaMorning(new DateOnly(2026, month, day)));

    private ScanResult Scan(out List<StoredReminder> rows)
    {
        using var store = RegulationStore.Open(_settings, _clock);
        using var reminders = ReminderStore.Open(_settings, _clock);
        var result = new ReminderScanner(store, reminders, new DueDateCalculator(HolidayCalendar.Default), _reminders, _clock).Run();
        rows = reminders.List().ToList();
        return result;
    }

    [Fact]
    public void Run_SevenDaysBeforeDueDate_EnqueuesOnePerChannelForTheBoundInstitutionOnly()
    {
        At(3, 24);
        var result = Scan(out var rows);

        Assert.Equal(2, result.Enqueued);
        Assert.All(rows, r => Assert.Equal(TestData.Bank, r.Reminder.Institution));
        Assert.Equal(["log", "webhook"], rows.Select(r => r.Reminder.Channel).Order());
        Assert.All(rows, r => Assert.Equal((new DateOnly(2026, 3, 31), 7), (r.Reminder.DueDate, r.Reminder.LeadDays)));
        Assert.All(rows, r => Assert.Equal(ReminderState.Pending, r.State));
    }

    [Fact]
    public void Run_TwiceTheSameDay_EnqueuesNothingTheSecondTime()
    {
        At(3, 24);
        Scan(out _);
        var again = Scan(out var rows);

        Assert.Equal(0, again.Enqueued);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void Run_AfterDaysDown_CatchesUpWithTheMostPressingLeadOnly()
    {
        Scan(out _);
        _clock.SetUtcNow(TestData.ChinaMorning(new DateOnly(2026, 3, 26)));

        var result = Scan(out var rows);

        Assert.Equal(new DateOnly(2026, 2, 27), result.After);
        var log = rows.Where(r => r.Reminder.Channel == "log").Select(r => (r.Reminder.DueDate, r.Reminder.LeadDays)).Order().ToList();
        // 31 Mar: its 30-day (1 Mar) and 7-day (24 Mar) days both passed while down: only the 7-day one goes out.
        // Q1's 15th working day is 22 Apr 2026 (清明 4–6 Apr skipped): its 30-day reminder was due on 23 Mar.
        Assert.Equal([(new DateOnly(2026, 3, 31), 7), (new DateOnly(2026, 4, 22), 30)], log);
    }

    [Fact]
    public void Run_ObligationTrackedAsNotApplicable_IsNotReminded()
    {
        At(3, 24);
        using (var store = RegulationStore.Open(_settings, _clock))
        {
            var bank = store.Institutions.Find(TestData.Bank)!;
            var first = store.Register.Applicable(bank).First(e => e.Article == 1);
            store.Tracking.Set(bank.Id, first.ObligationId, new TrackingUpdate(TrackingStatus.NotApplicable, "本行不办理该业务"), "test");
        }

        Assert.Equal(0, Scan(out _).Enqueued);
    }

    [Fact]
    public void Run_EventRecorded_RemindsTheDayBeforeItsLimitEnds()
    {
        _clock.SetUtcNow(TestData.ChinaMorning(new DateOnly(2026, 3, 25)));
        Scan(out _);
        using (var store = RegulationStore.Open(_settings, _clock))
        using (var reminders = ReminderStore.Open(_settings, _clock))
        {
            var bank = store.Institutions.Find(TestData.Bank)!;
            reminders.Events.Record(bank.Id, null, "重大风险事件", new DateOnly(2026, 3, 20), null, "test");
        }

        _clock.SetUtcNow(TestData.ChinaMorning(new DateOnly(2026, 3, 26)));
        Scan(out var rows);

        // Five working days after Friday 20 Mar: 23–27 Mar; the 1-day reminder goes out on the 26th.
        var evented = rows.Where(r => r.Reminder.Article == 3 && r.Reminder.Channel == "log").ToList();
        Assert.Equal((new DateOnly(2026, 3, 27), 1), (Assert.Single(evented).Reminder.DueDate, evented[0].Reminder.LeadDays));
    }

    [Fact]
    public void Plan_FirstDayOverdue_SendsTheOverdueNotice()
    {
        using var store = RegulationStore.Open(_settings, _clock);
        using var reminders = ReminderStore.Open(_settings, _clock);
        var planned = new ReminderScanner(store, reminders, new DueDateCalculator(HolidayCalendar.Default), _reminders with { WebhookUrl = null }, _clock)
            .Plan(new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 1)).ToList();

        var overdue = Assert.Single(planned, r => r.Article == 1);
        Assert.True(overdue.IsOverdueNotice);
        Assert.Contains("已逾期", overdue.Subject);
    }

    [Fact]
    public void RuntimeScan_WithIcsFolder_WritesOneFeedPerInstitution()
    {
        At(3, 24);
        var folder = Path.Combine(_folder.Path, "ics");
        var runtime = new ReminderRuntime(_settings, _reminders with { IcsFolder = folder }, HolidayCalendar.Default, [], _clock);

        runtime.Scan();

        var files = Directory.GetFiles(folder, "*.ics").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["1.ics", "2.ics"], files);
        var bank = Ical.Net.Calendar.Load(File.ReadAllText(Path.Combine(folder, "1.ics")))!;
        Assert.Contains(bank.Events, e => e.DtStart!.Date == new DateOnly(2026, 3, 31));
        Assert.Empty(Ical.Net.Calendar.Load(File.ReadAllText(Path.Combine(folder, "2.ics")))!.Events); // the trust is not bound
    }

    public void Dispose() => _folder.Dispose();
}
