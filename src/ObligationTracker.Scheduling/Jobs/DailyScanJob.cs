using Quartz;

namespace ObligationTracker.Scheduling.Jobs;

/// <summary>Computes due dates and enqueues the reminders whose day has come, then asks for a delivery round at once.</summary>
/// <remarks>
/// Misfire policy: fire once now (<c>FireOnceNow</c>). A node that was down at the scan time, or a cluster whose nodes
/// all were, runs one scan as soon as it is back; that scan covers every day since the last completed one (see
/// <see cref="Core.Scheduling.ReminderPlanner"/>), so nothing is lost and nothing is enqueued twice (one row per
/// idempotency key). Never concurrent: in a cluster the trigger fires on one node only.
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

        await context.Scheduler.TriggerJob(DeliverRemindersJob.Key, cancellationToken);
    }
}
