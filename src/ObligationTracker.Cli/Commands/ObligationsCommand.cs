using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ObligationTracker.Cli.Export;
using ObligationTracker.Cli.Queries;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Serialization;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot obligations --institution NAME [--status S] [--json] [--xlsx FILE]</c>: an institution's register.</summary>
internal static class ObligationsCommand
{
    public static Command Create()
    {
        var institution = new Option<string>("--institution", "-i") { Description = "Institution name or id.", Required = true };
        var status = new Option<string?>("--status", "-s") { Description = "Only this status: " + string.Join(", ", TrackingStatusLabels.AllLabels) + "." };
        var asOf = new Option<string?>("--as-of") { Description = "Regulations in force on this day (yyyy-MM-dd); default today." };
        var json = CliOptions.Json();
        var xlsx = new Option<FileInfo?>("--xlsx") { Description = "Also write the register as an Excel workbook." };
        var command = new Command("obligations", "List the obligations that bind an institution, with their tracking.") { institution, status, asOf, json, xlsx };
        command.SetAction(r => CommandBoundary.Run(Console.Error, () => Run(
            CliOptions.ResolveStore(r), r.GetRequiredValue(institution), r.GetValue(status), r.GetValue(asOf), r.GetValue(json), r.GetValue(xlsx)?.FullName,
            TimeProvider.System, Console.Out, Console.Error)));
        return command;
    }

    internal static int Run(StoreSettings settings, string institutionName, string? status, string? asOf, bool json, string? xlsx, TimeProvider clock, TextWriter output, TextWriter errors)
    {
        TrackingStatus? only = null;
        if (status is not null && (only = TrackingStatusLabels.Parse(status)) is null)
            return CommandBoundary.Fail(errors, $"Unknown status '{status}'; use one of {string.Join(", ", TrackingStatusLabels.AllLabels)}.");
        DateOnly? day = null;
        if (asOf is not null)
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return CommandBoundary.Fail(errors, $"--as-of '{asOf}' is not a date yyyy-MM-dd.");
            day = d;
        }

        using var store = RegulationStore.Open(settings, clock);
        if (store.Institutions.Find(institutionName) is not { } institution) return InstitutionCommand.NotFound(errors, institutionName);
        var entries = InstitutionRegister.Entries(store, institution, only, day);

        if (xlsx is not null)
        {
            RegisterWorkbook.Write(xlsx, institution, entries);
            errors.WriteLine($"wrote {entries.Count} obligations to {xlsx}");
        }

        foreach (var e in entries)
        {
            if (json)
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    id = e.ObligationId, key = e.Key, regulation = e.RegulationTitle, documentNumber = e.DocumentNumber, article = e.Article, text = e.Text,
                    modality = e.Modality, addressees = e.Addressees, byReference = e.ByReference,
                    deadline = e.DeadlineJson is null ? (JsonElement?)null : JsonDocument.Parse(e.DeadlineJson).RootElement.Clone(),
                    status = e.Status.Label(), reason = e.Tracking.Reason, owner = e.Tracking.Owner, notes = e.Tracking.Notes,
                    nextDue = e.Tracking.NextDue, review = e.Tracking.ReviewRequired, previousText = e.Tracking.ReviewRequired ? e.PreviousText : null,
                }, OtJson.Compact));
            }
            else
            {
                var flags = (e.Tracking.ReviewRequired ? " [待复核]" : "") + (e.ByReference ? " [参照]" : "");
                output.WriteLine($"{e.ObligationId,6}  {e.Status.Label()}{flags}  {e.RegulationTitle} 第{e.Article}条  {Labels.Modality(e.Modality)}  {Labels.Shorten(e.Text, 60)}"
                    + (e.Tracking.Owner is { } owner ? $"  ({owner})" : ""));
            }
        }

        if (!json) errors.WriteLine($"{entries.Count} obligations for {institution.Name}");
        return 0;
    }
}
