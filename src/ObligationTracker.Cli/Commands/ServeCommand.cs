using System.CommandLine;
using System.Runtime.InteropServices;
using ObligationTracker.Core.Calendar;
using ObligationTracker.Scheduling;
using ObligationTracker.Scheduling.Quartz;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot serve [--node ID]</c>: hosts the scheduler (daily scan, reminder delivery) until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var node = new Option<string?>("--node") { Description = "This node's id in a cluster; default $OT_NODE, else host name and process id." };
        var command = new Command("serve", "Run the scheduler: the daily due-date scan and reminder delivery (Ctrl+C stops it).") { node };
        command.SetAction(async (r, ct) =>
        {
            var dataDirectory = CliOptions.ResolveDataDirectory(r);
            ReminderSettings? settings = null;
            Storage.Database.StoreSettings? store = null;
            var code = CommandBoundary.Run(Console.Error, () =>
            {
                settings = ReminderSettings.Load(dataDirectory);
                if (r.GetValue(node) is { } n) settings = settings with { Node = n };
                store = CliOptions.ResolveStore(r);
                return 0;
            });
            if (code != 0) return code;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var runtime = new ReminderRuntime(store!, settings!, CalendarOverride.Load(dataDirectory), ReminderRuntime.NotifiersFor(settings!, Console.Out, http), TimeProvider.System);
            runtime.Scanned += s => Console.Error.WriteLine($"scan {s.After:yyyy-MM-dd}..{s.Through:yyyy-MM-dd}: {s.Institutions} institutions, {s.Pairs} obligations, {s.Planned} reminders planned, {s.Enqueued} new");
            runtime.Delivered += d => Console.Error.WriteLine($"delivered {d.Sent}, failed {d.Failed}, lost claims {d.Lost}");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            ReminderScheduler scheduler;
            try
            {
                scheduler = await ReminderScheduler.StartAsync(runtime, stop.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Console.Error.WriteLine($"error: the scheduler did not start: {ex.Message}");
                return CommandBoundary.StoreError;
            }

            await using var _ = scheduler;
            Console.Error.WriteLine($"serving on {store!.Describe()} as node {settings!.Node}: scan daily at {settings.ScanAt:HH\\:mm} China time, channels {string.Join(", ", settings.Channels)}");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: let a running job finish, then stop.
            }

            await scheduler.StopAsync(waitForJobs: true, CancellationToken.None);
            return 0;
        });
        return command;
    }
}
