using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Mining.Deadlines;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Scheduling.Tests;

/// <summary>For the tests that run Quartz on the real clock: obligations whose reminder is due today, whatever today is.</summary>
internal static class SchedulerTestData
{
    /// <summary>Seeds <paramref name="count"/> obligations due on the first working day at least 7 days ahead; returns the lead that reminds of them today.</summary>
    public static int SeedDueToday(StoreSettings settings, int count)
    {
        var today = ChinaDate.Today(TimeProvider.System);
        var due = today.AddDays(7);
        while (!HolidayCalendar.Default.IsWorkingDay(due)) due = due.AddDays(1);
        TestData.Seed(settings, TimeProvider.System, today.AddDays(-60), Enumerable.Range(0, count).Select(_ => (Deadline?)Deadline.Absolute(due)).ToArray());
        return due.DayNumber - today.DayNumber;
    }

    public static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }
}
