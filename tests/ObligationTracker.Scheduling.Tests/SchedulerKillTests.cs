using System.Diagnostics;
using System.Globalization;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Reminders;
using Xunit;

namespace ObligationTracker.Scheduling.Tests;

/// <summary>Runs 'ot serve' (Quartz on the SQLite store) as a child process, kills it mid-delivery, restarts it.</summary>
public sealed class SchedulerKillTests : IDisposable
{
    private const int Reminders = 30;
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Serve_KilledMidDelivery_RestartDeliversTheRestAndRepeatsOnlyTheOneInDoubtFlaggedAsRedelivery()
    {
        var data = Path.Combine(_folder.Path, "data");
        var settings = StoreSettings.Sqlite(data);
        var lead = SchedulerTestData.SeedDueToday(settings, Reminders);
        using var receiver = new WebhookReceiver(delay: TimeSpan.FromMilliseconds(150));
        File.WriteAllText(Path.Combine(data, "settings.json"), string.Create(CultureInfo.InvariantCulture, $$"""
            { "reminders": { "leadTimes": "{{lead}}", "log": false, "webhook": "{{receiver.Url}}", "deliverySeconds": 1, "leaseSeconds": 3 } }
            """));

        using (var first = Serve(data, "node-1"))
        {
            await SchedulerTestData.WaitUntil(() => receiver.Received.Count >= 8, TimeSpan.FromSeconds(60), "the first deliveries");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var beforeRestart = receiver.Received.Count;
        Assert.InRange(beforeRestart, 8, Reminders - 1); // killed mid-run
        using var store = ReminderStore.Open(settings, TimeProvider.System);
        using (var second = Serve(data, "node-1"))
        {
            // Marked as well as received: the receiver has the last one before the node marks it sent.
            await SchedulerTestData.WaitUntil(() => receiver.Received.Select(r => r.Key).Distinct().Count() == Reminders && store.List(ReminderState.Sent).Count == Reminders,
                TimeSpan.FromSeconds(60), "every reminder sent and marked");
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        var received = receiver.Received.ToList();
        Assert.Equal(Reminders, received.Select(r => r.Key).Distinct().Count()); // none lost
        // Every copy after a key's first transmission says it is a redelivery, so the receiver can drop it by the key.
        Assert.All(received.GroupBy(r => r.Key).SelectMany(g => g.Skip(1)), copy => Assert.True(copy.Redelivery, $"unflagged copy of {copy.Key}"));
        var sent = store.List(ReminderState.Sent);
        Assert.Equal(Reminders, sent.Count);
        // Only the one handed to the webhook when the process died can be in doubt, and only it can have gone twice.
        var inDoubt = sent.Count(r => r.InDoubt);
        Assert.InRange(inDoubt, 0, 1);
        Assert.InRange(received.Count - Reminders, 0, inDoubt);
    }

    private static Process Serve(string data, string node)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "ot.dll"), "--data", data, "serve", "--node", node, "--urls", "http://127.0.0.1:0" }) psi.ArgumentList.Add(a);
        foreach (var name in new[] { "OT_STORE", "OT_SMTP_HOST", "OT_WEBHOOK_URL", "OT_LEAD_TIMES" }) psi.Environment.Remove(name);
        var process = Process.Start(psi)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    public void Dispose() => _folder.Dispose();
}
