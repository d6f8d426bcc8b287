using System.CommandLine;
using System.Globalization;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Reminders;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot event --institution NAME (--obligation ID|KEY | --event PHRASE) --date D [--note T]</c>: the day an event happened, starting its time limits.</summary>
internal static class EventCommand
{
    public static Command Create()
    {
        var institution = new Option<string>("--institution", "-i") { Description = "Institution name or id.", Required = true };
        var obligation = new Option<string?>("--obligation", "-o") { Description = "The obligation (store id or doc#article.sequence) the event starts." };
        var phrase = new Option<string?>("--event", "-e") { Description = "Or: an event phrase; every obligation whose event contains it starts (变更注册资本)." };
        var date = new Option<string?>("--date", "-d") { Description = "The day it happened (yyyy-MM-dd)." };
        var note = new Option<string?>("--note") { Description = "A note kept with it." };
        var by = new Option<string?>("--by") { Description = "Who records it; default $OT_USER, else the login name." };
        var list = new Option<bool>("--list") { Description = "List the institution's recorded events instead." };
        var command = new Command("event", "Record the date of an event that starts event-triggered deadlines for an institution.") { institution, obligation, phrase, date, note, by, list };
        command.SetAction(r => CommandBoundary.Run(Console.Error, () => Run(CliOptions.ResolveStore(r), r.GetRequiredValue(institution), r.GetValue(obligation),
            r.GetValue(phrase), r.GetValue(date), r.GetValue(note), CommandBoundary.Actor(r.GetValue(by)), r.GetValue(list), TimeProvider.System, Console.Out, Console.Error)));
        return command;
    }

    internal static int Run(StoreSettings settings, string name, string? obligation, string? phrase, string? dateText, string? note, string actor, bool list,
        TimeProvider clock, TextWriter output, TextWriter errors)
    {
        using var store = RegulationStore.Open(settings, clock);
        using var reminders = ReminderStore.Open(settings, clock);
        if (store.Institutions.Find(name) is not { } institution) return InstitutionCommand.NotFound(errors, name);
        if (list)
        {
            foreach (var e in reminders.Events.List(institution.Id))
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{e.Date:yyyy-MM-dd}  {(e.ObligationId is { } o ? $"obligation {o}" : $"event「{e.Event}」")}  {e.Note}  ({e.RecordedBy}, {e.RecordedAt:yyyy-MM-dd HH:mm})"));
            return 0;
        }

        if ((obligation is null) == (phrase is null)) return CommandBoundary.Fail(errors, "give --obligation or --event (one of them).");
        if (dateText is null) return CommandBoundary.Fail(errors, "--date is required.");
        if (!CliDates.TryParse(dateText, "--date", default, errors, out var date)) return CommandBoundary.UsageError;
        long? obligationId = null;
        if (obligation is not null)
        {
            if (store.Register.Find(institution, obligation) is not { } entry)
                return CommandBoundary.Fail(errors, $"obligation '{obligation}' does not bind {institution.Name}.");
            if (entry.DeadlineKind != "event")
                errors.WriteLine($"warning: obligation {entry.ObligationId} has no event-triggered deadline ({entry.DeadlineKind ?? "none"}); the date is recorded all the same");
            obligationId = entry.ObligationId;
        }

        var recorded = reminders.Events.Record(institution.Id, obligationId, phrase, date, note, actor);
        errors.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recorded {(obligationId is { } id ? $"obligation {id}" : $"event「{phrase}」")} on {recorded.Date:yyyy-MM-dd} for {institution.Name}"));
        return 0;
    }
}
