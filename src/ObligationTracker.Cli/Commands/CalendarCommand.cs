using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Core.Serialization;
using ObligationTracker.Scheduling.DueDates;
using ObligationTracker.Scheduling.Export;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Reminders;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot calendar --institution NAME [--from D] [--to D] [--ics FILE]</c>: an institution's due dates; <c>ot calendar import FILE [--year Y]</c>.</summary>
internal static class CalendarCommand
{
    public static Command Create()
    {
        var institution = new Option<string?>("--institution", "-i") { Description = "Institution name or id." };
        var from = new Option<string?>("--from") { Description = "First day (yyyy-MM-dd); default today." };
        var to = new Option<string?>("--to") { Description = "Last day (yyyy-MM-dd); default a year after --from." };
        var ics = new Option<FileInfo?>("--ics") { Description = "Also write the due dates as an iCalendar file (subscribe to it in Outlook)." };
        var json = CliOptions.Json();
        var command = new Command("calendar", "List an institution's due dates, and the obligations that need a date set or an event recorded.") { institution, from, to, ics, json };
        command.SetAction(r => CommandBoundary.Run(Console.Error, () => r.GetValue(institution) is { } name
            ? Run(CliOptions.ResolveStore(r), CliOptions.ResolveDataDirectory(r), name, r.GetValue(from), r.GetValue(to), r.GetValue(ics)?.FullName, r.GetValue(json),
                TimeProvider.System, Console.Out, Console.Error)
            : CommandBoundary.Fail(Console.Error, "--institution is required (or use 'ot calendar import').")));
        command.Subcommands.Add(CreateImport());
        return command;
    }

    internal static int Run(StoreSettings settings, string dataDirectory, string name, string? fromText, string? toText, string? ics, bool json,
        TimeProvider clock, TextWriter output, TextWriter errors)
    {
        var today = CliDates.Today(clock);
        if (!CliDates.TryParse(fromText, "--from", today, errors, out var from)) return CommandBoundary.UsageError;
        if (!CliDates.TryParse(toText, "--to", from.AddYears(1), errors, out var to)) return CommandBoundary.UsageError;
        if (to < from) return CommandBoundary.Fail(errors, "--to is before --from.");
        using var store = RegulationStore.Open(settings, clock);
        using var reminders = ReminderStore.Open(settings, clock);
        if (store.Institutions.Find(name) is not { } institution) return InstitutionCommand.NotFound(errors, name);
        var calculator = new DueDateCalculator(CalendarOverride.Load(dataDirectory));
        var schedule = new InstitutionSchedule(store, reminders, calculator).For(institution, from, to, to);
        var dated = InstitutionSchedule.Dated(schedule).ToList();
        foreach (var (entry, due) in dated)
        {
            if (json)
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    date = due.Date, obligation = entry.ObligationId, key = entry.Key, regulation = entry.RegulationTitle, article = entry.Article, basis = due.Basis,
                    shiftedFrom = due.ShiftedFrom, provisional = due.IsProvisional, warning = due.Warning, status = entry.Tracking.Status.ToString(), text = entry.Text,
                }, OtJson.Compact));
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{due.Date:yyyy-MM-dd}{(due.IsProvisional ? " [暂定]" : "")}  {entry.ObligationId,6}  {entry.RegulationTitle} 第{entry.Article}条  {due.Basis}{(due.ShiftedFrom is { } s ? $"（{s:MM-dd}顺延）" : "")}"));
            }
        }

        var attention = schedule.Where(s => s.Result.NeedsAttention && s.Result.Undated != UndatedReason.Continuous).ToList();
        if (!json)
        {
            foreach (var s in attention)
                output.WriteLine($"  未定  {s.Entry.ObligationId,6}  {s.Entry.RegulationTitle} 第{s.Entry.Article}条  {s.Result.Note}");
            errors.WriteLine($"{dated.Count} due dates from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} for {institution.Name}; {attention.Count} obligations without a date need review or an event");
            if (dated.Any(d => d.Due.IsProvisional))
                errors.WriteLine("warning: dates marked [暂定] rest on a year the holiday calendar does not cover (Monday–Friday assumed); import it with 'ot calendar import'");
        }

        if (ics is not null)
        {
            File.WriteAllText(ics, DueDateIcs.Build(institution, dated, clock.GetUtcNow()));
            errors.WriteLine($"wrote {dated.Count} events to {ics}");
        }

        return 0;
    }

    private static Command CreateImport()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The State Council's notice as text (国务院办公厅关于XXXX年部分节假日安排的通知), or a holiday file: date<TAB>holiday|workday<TAB>name lines." };
        var year = new Option<int?>("--year") { Description = "The notice's year when its title lacks one; for a holiday file, import only this year." };
        var command = new Command("import", "Import a year's holiday arrangement (the State Council's November notice) into the data directory's calendar.") { file, year };
        command.SetAction(r => CommandBoundary.Run(Console.Error, () => Import(CliOptions.ResolveDataDirectory(r), r.GetRequiredValue(file).FullName, r.GetValue(year), Console.Error)));
        return command;
    }

    internal static int Import(string dataDirectory, string file, int? year, TextWriter errors)
    {
        if (!File.Exists(file)) return CommandBoundary.Fail(errors, $"{file} does not exist.");
        // Either the holiday file's lines or the State Council notice's text as published (its year from the title or --year).
        var text = File.ReadAllText(file);
        var notice = HolidayNotice.Looks(text);
        var years = notice
            ? CalendarOverride.Import(dataDirectory, HolidayNotice.Parse(text, year), null)
            : CalendarOverride.Import(dataDirectory, HolidayCalendar.Parse(text, Path.GetFileName(file)), year);
        var merged = CalendarOverride.Load(dataDirectory);
        errors.WriteLine($"imported {string.Join(", ", years)} into {Path.Combine(dataDirectory, CalendarOverride.FileName)}; the calendar now covers {string.Join(", ", merged.CoveredYears)}");
        return 0;
    }
}
