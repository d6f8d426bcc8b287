using Quartz;

namespace ObligationTracker.Scheduling.Jobs;

/// <summary>Sends the pending reminders (claim with a lease → send → mark).</summary>
/// <remarks>
/// Misfire policy: skip to the next interval (<c>NextWithRemainingCount</c>): each round sends everything pending, so
/// missed rounds need no replay. On several nodes the claims, not Quartz, keep two senders apart, so a manual
/// trigger while a round runs is harmless.
/// </remarks>
[DisallowConcurrentExecution]
public sealed class DeliverRemindersJob : IJob
{
    public static readonly JobKey Key = new("deliver", "reminders");

    private readonly ReminderRuntime _runtime;

    public DeliverRemindersJob(ReminderRuntime runtime) => _runtime = runtime;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await _runtime.DeliverAsync(int.MaxValue, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new JobExecutionException("Delivering reminders failed: " + ex.Message, ex);
        }
    }
}
