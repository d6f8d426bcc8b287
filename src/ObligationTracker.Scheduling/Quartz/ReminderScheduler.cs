using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ObligationTracker.Scheduling.Calendars;
using ObligationTracker.Scheduling.Jobs;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Migrations;
using Quartz;

namespace ObligationTracker.Scheduling.Quartz;

/// <summary>Quartz.NET on the store's database: the daily scan and the delivery job, persistent across restarts.</summary>
/// <remarks>
/// <para>Job store: ADO.NET on the same database as the register — SQLite (Quartz's SQLite delegate, one node) by
/// default, PostgreSQL with clustering on (any number of nodes; a node that stops checking in has its jobs recovered
/// by another after the check-in misfire threshold).</para>
/// <para>Triggers: the scan at <see cref="ReminderSettings.ScanAt"/> China time every day, misfire = fire once now;
/// delivery every <see cref="ReminderSettings.DeliveryInterval"/>, misfire = next with remaining count, modified by
/// the working-day calendar when <see cref="ReminderSettings.WorkingDaysOnly"/>. Both jobs are non-concurrent.</para>
/// </remarks>
public sealed class ReminderScheduler : IAsyncDisposable
{
    public const string SchedulerName = "ObligationTracker";

    private static readonly TriggerKey ScanTrigger = new("daily-scan", "reminders");
    private static readonly TriggerKey DeliverTrigger = new("deliver", "reminders");

    private readonly ServiceProvider _services;

    private ReminderScheduler(ServiceProvider services, IScheduler scheduler)
    {
        _services = services;
        Scheduler = scheduler;
    }

    public IScheduler Scheduler { get; }

    /// <summary>Creates the tables if needed, builds the scheduler, schedules the jobs (once per cluster) and starts it.</summary>
    public static async Task<ReminderScheduler> StartAsync(ReminderRuntime runtime, CancellationToken cancellationToken, TimeSpan? clusterCheckin = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        using (var db = StoreConnection.Open(runtime.Store)) StoreMigrations.Apply(db, QuartzSchemaMigrations.All, TimeProvider.System);

        var services = new ServiceCollection();
        services.AddSingleton(runtime);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = SchedulerName;
                o.InstanceId = runtime.Settings.Node;
                // A stopping node tells its running delivery to stop after the reminder in hand; the rest it had
                // claimed are released at once for the other nodes instead of waiting out their leases.
                o.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            q.UseDefaultThreadPool(2);
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(o => o.TablePrefix = QuartzSchemaMigrations.TablePrefix);
                if (runtime.Store.Backend == StoreBackend.Sqlite)
                {
                    store.UseSqlite(runtime.Store.ConnectionString);
                }
                else
                {
                    store.UsePostgres(runtime.Store.ConnectionString);
                    var checkin = clusterCheckin ?? TimeSpan.FromSeconds(10);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = checkin;
                        c.CheckinMisfireThreshold = checkin * 2;
                    });
                }

                store.UseSystemTextJsonSerializer(r => r.AddCalendarSerializer(new WorkingDayCalendarSerializer()));
            });
        });
        var provider = services.BuildServiceProvider();
        try
        {
            var factory = provider.GetRequiredService<ISchedulerFactory>();
            var scheduler = await factory.GetScheduler(cancellationToken)
                ?? throw new InvalidOperationException("Quartz did not create the scheduler.");
            await scheduler.AddCalendar(WorkingDayCalendar.Name, new WorkingDayCalendar(runtime.Calendar), AddCalendarOptions.ReplacingAndUpdatingTriggers, cancellationToken);
            await Schedule(scheduler, runtime.Settings, cancellationToken);
            await scheduler.Start(cancellationToken);
            // A scan at start as well: it covers the days since the last completed scan, so a node back from a long
            // stop catches up at once (and on an ordinary restart it finds today done and does nothing).
            await scheduler.TriggerJob(DailyScanJob.Key, cancellationToken);
            return new ReminderScheduler(provider, scheduler);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops taking triggers; with <paramref name="waitForJobs"/> lets a running job finish.</summary>
    public async Task StopAsync(bool waitForJobs, CancellationToken cancellationToken = default) =>
        await Scheduler.Shutdown(waitForJobs, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Scheduler.Status != SchedulerStatus.Shutdown) await Scheduler.Shutdown(false, CancellationToken.None);
        await _services.DisposeAsync();
    }

    private static async Task Schedule(IScheduler scheduler, ReminderSettings settings, CancellationToken ct)
    {
        var scan = JobBuilder.Create<DailyScanJob>().WithIdentity(DailyScanJob.Key).StoreDurably().RequestRecovery().Build();
        var deliver = JobBuilder.Create<DeliverRemindersJob>().WithIdentity(DeliverRemindersJob.Key).StoreDurably().RequestRecovery().Build();
        await scheduler.AddJob(scan, AddJobOptions.Replacing, ct);
        await scheduler.AddJob(deliver, AddJobOptions.Replacing, ct);

        var scanTrigger = TriggerBuilder.Create().WithIdentity(ScanTrigger).ForJob(DailyScanJob.Key)
            .WithSchedule(CronScheduleBuilder.Create(string.Create(CultureInfo.InvariantCulture, $"0 {settings.ScanAt.Minute} {settings.ScanAt.Hour} * * ?"))
                .InTimeZone(ChinaTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        var deliverBuilder = TriggerBuilder.Create().WithIdentity(DeliverTrigger).ForJob(DeliverRemindersJob.Key).StartNow()
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(settings.DeliveryInterval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
        if (settings.WorkingDaysOnly) deliverBuilder = deliverBuilder.WithCalendarName(WorkingDayCalendar.Name);
        var deliverTrigger = deliverBuilder.Build();

        // Every node of a cluster runs this at start: the first schedules, the others keep what is there. Keeping
        // (not replacing) matters: a stored scan trigger whose fire time passed while every node was down must
        // misfire — and so fire once now — rather than be replaced by a fresh one that waits for tomorrow.
        await scheduler.ScheduleTrigger(scanTrigger, TriggerConflict.Keep, ct);
        await scheduler.ScheduleTrigger(deliverTrigger, TriggerConflict.Keep, ct);
    }
}
