using ObligationTracker.Scheduling.Calendars;
using Quartz;
using HolidayCalendar = ObligationTracker.Core.Calendar.HolidayCalendar;

namespace ObligationTracker.Scheduling.Jobs;

/// <summary>Computes due dates and enqueues the reminders whose day has come, then asks for a delivery round at once.</summary>
/// <remarks>
/// Misfire policy: fire once now (<c>FireOnceNow</c>). A node that was down at the scan time, or a cluster whose nodes
/// all were, runs one scan as soon as it is back; that scan covers every day since the last completed one (see
/// <see cref="Core.Scheduling.ReminderPlanner"/>), so nothing is lost and nothing is enqueued twice (one row per
/// idempotency key). Never concurrent: in a cluster the trigger fires on one node only.
/// The scan also brings the Quartz working-day calendar (which days deliveries run) up to the holiday calendar as it
/// stands, so a year imported with <c>ot calendar import</c> while the scheduler runs counts from the next scan on.
/// </remarks>
[DisallowConcurrentExecution]
public sealed class DailyScanJob : IJob
{
    public static readonly JobKey Key = new("daily-scan", "reminders");

    private readonly ReminderRuntime _runtime;

    public DailyScanJob(ReminderRuntime runtime) => _runtime = runtime;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            _runtime.Scan();
        }
        catch (Exception ex)
        {
            // Retried by the next firing; the scan is idempotent.
            throw new JobExecutionException("The daily reminder scan failed: " + ex.Message, ex);
        }

        await RefreshWorkingDays(context.Scheduler, _runtime.Calendar, cancellationToken);
        await context.Scheduler.TriggerJob(DeliverRemindersJob.Key, cancellationToken);
    }

    private static async Task RefreshWorkingDays(IScheduler scheduler, HolidayCalendar days, CancellationToken cancellationToken)
    {
        if (await scheduler.GetCalendar(WorkingDayCalendar.Name, cancellationToken) is WorkingDayCalendar stored && stored.Days.Days.ToHashSet().SetEquals(days.Days)) return;
        await scheduler.AddCalendar(WorkingDayCalendar.Name, new WorkingDayCalendar(days), AddCalendarOptions.ReplacingAndUpdatingTriggers, cancellationToken);
    }
}
