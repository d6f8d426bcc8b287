using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Core.Serialization;
using ObligationTracker.Scheduling;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Reminders;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot remind --dry-run [--at DATE]</c>: the reminders that would go out that day; without --dry-run, one scan and delivery now.</summary>
internal static class RemindCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show what would be sent; change nothing." };
        var at = new Option<string?>("--at") { Description = "The day to show (yyyy-MM-dd), with --dry-run; default today." };
        var json = CliOptions.Json();
        var command = new Command("remind", "Show the reminders due on a day (--dry-run), or scan and deliver once now (what 'ot serve' does daily).") { dryRun, at, json };
        command.SetAction(async (r, ct) =>
        {
            var dataDirectory = CliOptions.ResolveDataDirectory(r);
            ReminderSettings? settings = null;
            StoreSettings? store = null;
            var code = CommandBoundary.Run(Console.Error, () =>
            {
                settings = ReminderSettings.Load(dataDirectory);
                store = CliOptions.ResolveStore(r);
                return r.GetValue(dryRun)
                    ? DryRun(store, settings, CalendarOverride.Load(dataDirectory), r.GetValue(at), r.GetValue(json), TimeProvider.System, Console.Out, Console.Error)
                    : -1;
            });
            if (code != -1) return code;
            if (r.GetValue(at) is not null) return CommandBoundary.Fail(Console.Error, "--at goes with --dry-run: reminders are only sent for today.");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var runtime = new ReminderRuntime(store!, settings!, CalendarOverride.Load(dataDirectory), ReminderRuntime.NotifiersFor(settings!, Console.Out, http), TimeProvider.System);
            ScanResult scan;
            DeliveryResult delivered;
            try
            {
                scan = runtime.Scan();
                delivered = await runtime.DeliverAsync(int.MaxValue, ct);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return CommandBoundary.StoreError;
            }

            Console.Error.WriteLine($"scanned {scan.After:yyyy-MM-dd}..{scan.Through:yyyy-MM-dd}: {scan.Enqueued} new reminders; delivered {delivered.Sent}, failed {delivered.Failed}");
            return delivered.Failed > 0 ? 1 : 0;
        });
        return command;
    }

    internal static int DryRun(StoreSettings storeSettings, ReminderSettings settings, HolidayCalendar calendar, string? atText, bool json,
        TimeProvider clock, TextWriter output, TextWriter errors)
    {
        if (!CliDates.TryParse(atText, "--at", CliDates.Today(clock), errors, out var at)) return CommandBoundary.UsageError;
        using var store = RegulationStore.Open(storeSettings, clock);
        using var reminders = ReminderStore.Open(storeSettings, clock);
        var scanner = new ReminderScanner(store, reminders, new DueDateCalculator(calendar), settings, clock);
        var planned = scanner.Plan(at.AddDays(-1), at).ToList();
        var sent = reminders.SentKeys(planned.Select(p => p.InstitutionId).Distinct());
        var due = planned.Where(p => !sent.Contains(p.IdempotencyKey)).ToList();
        foreach (var r in due)
        {
            output.WriteLine(json
                ? JsonSerializer.Serialize(new { key = r.IdempotencyKey, channel = r.Channel, institution = r.Institution, obligation = r.ObligationId, dueDate = r.DueDate, lead = r.LeadDays, provisional = r.Provisional, subject = r.Subject }, OtJson.Compact)
                : string.Create(CultureInfo.InvariantCulture, $"{r.Channel,-8} {r.Subject}{(r.Provisional ? " [暂定]" : "")}"));
        }

        if (!json)
            errors.WriteLine($"{due.Count} reminders would be sent on {at:yyyy-MM-dd} (leads {settings.LeadTimes}; channels {string.Join(", ", settings.Channels)}){(planned.Count > due.Count ? $"; {planned.Count - due.Count} already sent" : "")}");
        return 0;
    }
}
