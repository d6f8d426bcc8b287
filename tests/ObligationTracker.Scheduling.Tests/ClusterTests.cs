using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Scheduling.Notifiers;
using ObligationTracker.Scheduling.Quartz;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Reminders;
using Xunit;

namespace ObligationTracker.Scheduling.Tests;

/// <summary>Two scheduler nodes clustered on one PostgreSQL; one is stopped midway and the other finishes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterTests(PostgresServerFixture pg)
{
    private const int Reminders = 40;

    [Fact]
    public async Task TwoNodes_OneStoppedMidway_TheOtherTakesOverAndEachReminderIsTransmittedExactlyOnce()
    {
        var settings = new StoreSettings(StoreBackend.Postgres, pg.Server.CreateDatabase());
        var lead = SchedulerTestData.SeedDueToday(settings, Reminders);
        using var receiver = new WebhookReceiver(delay: TimeSpan.FromMilliseconds(100));
        using var http = new HttpClient();
        var reminderSettings = new ReminderSettings
        {
            LeadTimes = new LeadTimes([lead], overdue: false), Log = false, WebhookUrl = receiver.Url,
            DeliveryInterval = TimeSpan.FromSeconds(1), Lease = TimeSpan.FromSeconds(3),
        };
        ReminderRuntime Runtime(string node) =>
            new(settings, reminderSettings with { Node = node }, HolidayCalendar.Default, [new WebhookNotifier(http, receiver.Url)], TimeProvider.System);

        // Node b joins once node a is delivering: started together, either may claim the whole queue in its first round
        // and the other never send one, which would not test a take-over.
        var a = await ReminderScheduler.StartAsync(Runtime("node-a"), CancellationToken.None, clusterCheckin: TimeSpan.FromSeconds(1));
        await SchedulerTestData.WaitUntil(() => receiver.Received.Count >= 5, TimeSpan.FromSeconds(60), "node a's first deliveries");
        await using var b = await ReminderScheduler.StartAsync(Runtime("node-b"), CancellationToken.None, clusterCheckin: TimeSpan.FromSeconds(1));
        await SchedulerTestData.WaitUntil(() => receiver.Received.Count >= 10, TimeSpan.FromSeconds(60), "the first deliveries");
        await a.StopAsync(waitForJobs: true); // the send in flight finishes and is marked; the rest go back to the queue
        await a.DisposeAsync();
        var whenStopped = receiver.Received.Count;
        using var store = ReminderStore.Open(settings, TimeProvider.System);
        // Marked as well as received: the receiver has the last one before node-b marks it sent.
        await SchedulerTestData.WaitUntil(() => receiver.Received.Select(r => r.Key).Distinct().Count() == Reminders && store.List(ReminderState.Sent).Count == Reminders,
            TimeSpan.FromSeconds(90), "every reminder sent and marked");

        var keys = receiver.Received.Select(r => r.Key).ToList();
        Assert.InRange(whenStopped, 10, Reminders - 1);
        Assert.Equal(Reminders, keys.Distinct().Count());
        Assert.Equal(Reminders, keys.Count); // not one copy on the wire
        Assert.DoesNotContain(receiver.Received, r => r.Redelivery);
        var sent = store.List(ReminderState.Sent);
        Assert.Equal(Reminders, sent.Count);
        Assert.Contains(sent, r => r.ClaimedBy == "node-b");
        Assert.Contains(sent, r => r.ClaimedBy == "node-a");
        Assert.DoesNotContain(sent, r => r.InDoubt);
    }
}
