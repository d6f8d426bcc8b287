using ObligationTracker.Core.Calendar;
using ObligationTracker.Scheduling.Calendars;
using ObligationTracker.Scheduling.Jobs;
using ObligationTracker.Scheduling.Quartz;
using ObligationTracker.Storage.Database;
using Xunit;

namespace ObligationTracker.Scheduling.Tests;

/// <summary>A holiday year imported while the scheduler runs: the runtime asks for the calendar at each use.</summary>
public sealed class CalendarReloadTests
{
    /// <summary>A Wednesday, an ordinary working day in the shipped calendar (it does not cover 2031).</summary>
    private static readonly DateOnly Wednesday = new(2031, 3, 5);

    private static HolidayCalendar WithHoliday() =>
        HolidayCalendar.Default.With(new HolidayCalendar([new CalendarDay(Wednesday, CalendarDayKind.Holiday, "测试假日")]));

    [Fact]
    public void Runtime_CalendarChangedAfterItWasMade_ScanUsesTheNewOne()
    {
        var calendar = HolidayCalendar.Default;
        var runtime = new ReminderRuntime(StoreSettings.Sqlite(Path.GetTempPath()), new ReminderSettings { Log = false }, () => calendar, [], TimeProvider.System);
        var before = runtime.Calendar.IsWorkingDay(Wednesday);

        calendar = WithHoliday();

        Assert.True(before);
        Assert.False(runtime.Calendar.IsWorkingDay(Wednesday));
    }

    [Fact]
    public async Task DailyScan_AfterAnImport_ReplacesTheQuartzWorkingDayCalendar()
    {
        using var folder = new TempFolder();
        var calendar = HolidayCalendar.Default;
        var runtime = new ReminderRuntime(StoreSettings.Sqlite(folder.Path), new ReminderSettings { Log = false }, () => calendar, [], TimeProvider.System);
        var scans = 0;
        runtime.Scanned += _ => Interlocked.Increment(ref scans);
        await using var scheduler = await ReminderScheduler.StartAsync(runtime, CancellationToken.None);
        await SchedulerTestData.WaitUntil(() => Volatile.Read(ref scans) >= 1, TimeSpan.FromSeconds(60), "the scan at start");
        var at = new DateTimeOffset(Wednesday.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        Assert.True((await scheduler.Scheduler.GetCalendar(WorkingDayCalendar.Name))!.IsTimeIncluded(at));

        calendar = WithHoliday();
        await scheduler.Scheduler.TriggerJob(DailyScanJob.Key);

        await SchedulerTestData.WaitUntil(() => !scheduler.Scheduler.GetCalendar(WorkingDayCalendar.Name).AsTask().GetAwaiter().GetResult()!.IsTimeIncluded(at),
            TimeSpan.FromSeconds(60), "the working-day calendar with the imported holiday");
        await scheduler.StopAsync(waitForJobs: true);
    }
}
