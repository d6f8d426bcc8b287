using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ObligationTracker.Cli.Queries;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Serialization;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot track set|history|import</c>: record where an institution stands on an obligation; every change goes to the history.</summary>
internal static class TrackCommand
{
    public static Command Create()
    {
        var command = new Command("track", "Record status, owner, notes, evidence and due dates per (institution, obligation).");
        command.Subcommands.Add(Set());
        command.Subcommands.Add(History());
        command.Subcommands.Add(Import());
        return command;
    }

    /// <summary>The fields of <c>ot track set</c> as typed; checked by <see cref="ToUpdate"/>.</summary>
    internal sealed record SetArguments(
        string? Status = null, string? Reason = null, string? Owner = null, string? Note = null, string? Evidence = null,
        string? Due = null, string? Done = null, bool Reviewed = false, IReadOnlyList<string>? Clear = null);

    /// <summary>The fields <c>--clear</c> empties, by the names the other options use.</summary>
    private static readonly Dictionary<string, TrackingClear> Clearable = new(StringComparer.OrdinalIgnoreCase)
    {
        ["owner"] = TrackingClear.Owner,
        ["note"] = TrackingClear.Notes,
        ["due"] = TrackingClear.NextDue,
        ["reason"] = TrackingClear.Reason,
        ["done"] = TrackingClear.LastDone,
    };

    private static Command Set()
    {
        var institution = new Option<string>("--institution", "-i") { Description = "Institution name or id.", Required = true };
        var obligation = new Option<string>("--obligation", "-o") { Description = "Obligation id (from `ot obligations`) or key doc#article.sequence.", Required = true };
        var status = new Option<string?>("--status", "-s") { Description = string.Join(", ", TrackingStatusLabels.AllLabels.Where(l => !l.StartsWith("已关闭", StringComparison.Ordinal))) + "." };
        var reason = new Option<string?>("--reason") { Description = "Why (required with 不适用)." };
        var owner = new Option<string?>("--owner") { Description = "Who is responsible." };
        var note = new Option<string?>("--note") { Description = "Notes (replace the previous notes; the history keeps them)." };
        var evidence = new Option<string?>("--evidence") { Description = "A file (its SHA-256 is recorded) or an http(s) URL." };
        var due = new Option<string?>("--due") { Description = "Next due date, yyyy-MM-dd." };
        var done = new Option<string?>("--done") { Description = "Date last complied with, yyyy-MM-dd." };
        var reviewed = new Option<bool>("--reviewed") { Description = "Acknowledge a revision's change (clears 待复核)." };
        var clear = new Option<string[]>("--clear") { Description = "Empty a field: owner, note, due, reason or done (repeatable)." };
        var by = By();
        var command = new Command("set", "Change the tracking of one obligation for one institution.") { institution, obligation, status, reason, owner, note, evidence, due, done, reviewed, clear, by };
        command.SetAction(r => CommandBoundary.Run(Console.Error, () => RunSet(
            CliOptions.ResolveStore(r), r.GetRequiredValue(institution), r.GetRequiredValue(obligation),
            new SetArguments(r.GetValue(status), r.GetValue(reason), r.GetValue(owner), r.GetValue(note), r.GetValue(evidence), r.GetValue(due), r.GetValue(done), r.GetValue(reviewed), r.GetValue(clear)),
            CommandBoundary.Actor(r.GetValue(by)), TimeProvider.System, Console.Out, Console.Error)));
        return command;
    }

    private static Command History()
    {
        var institution = new Option<string>("--institution", "-i") { Description = "Institution name or id.", Required = true };
        var obligation = new Option<string>("--obligation", "-o") { Description = "Obligation id or key.", Required = true };
        var json = CliOptions.Json();
        var command = new Command("history", "Every recorded change of one tracking entry, oldest first.") { institution, obligation, json };
        command.SetAction(r => CommandBoundary.Run(Console.Error, () => RunHistory(
            CliOptions.ResolveStore(r), r.GetRequiredValue(institution), r.GetRequiredValue(obligation), r.GetValue(json), TimeProvider.System, Console.Out, Console.Error)));
        return command;
    }

    private static Command Import()
    {
        var institution = new Option<string>("--institution", "-i") { Description = "Institution name or id.", Required = true };
        var file = new Argument<FileInfo>("FILE") { Description = "TSV lines: obligation TAB status [TAB owner [TAB note]]; # comments." };
        var by = By();
        var command = new Command("import", "Apply many tracking changes from a TSV file, each line its own transaction; prints each committed line.") { file, institution, by };
        command.SetAction(r => CommandBoundary.Run(Console.Error, () => RunImport(
            CliOptions.ResolveStore(r), r.GetRequiredValue(institution), r.GetRequiredValue(file).FullName, CommandBoundary.Actor(r.GetValue(by)), TimeProvider.System, Console.Out, Console.Error)));
        return command;
    }

    private static Option<string?> By() => new("--by") { Description = "Who makes the change (default: $OT_USER, else the login name)." };

    internal static int RunSet(StoreSettings settings, string institutionName, string obligation, SetArguments args, string actor, TimeProvider clock, TextWriter output, TextWriter errors)
    {
        var (update, problem) = ToUpdate(args);
        if (update is null) return CommandBoundary.Fail(errors, problem!);
        using var store = RegulationStore.Open(settings, clock);
        if (store.Institutions.Find(institutionName) is not { } institution) return InstitutionCommand.NotFound(errors, institutionName);
        if (store.Register.Find(institution, obligation) is not { } entry)
            return CommandBoundary.Fail(errors, $"Obligation '{obligation}' does not bind {institution.Name} (see `ot obligations --institution \"{institution.Name}\"`).");
        if (!entry.Active) return CommandBoundary.Fail(errors, $"Obligation {entry.ObligationId} was removed by a revision ({entry.Tracking.Reason}); its tracking is closed.");
        try
        {
            var written = store.Tracking.Set(institution.Id, entry.ObligationId, update, actor);
            foreach (var h in written) output.WriteLine($"{h.Field}: {h.From ?? "-"} → {h.To ?? "-"}");
            if (written.Count == 0) output.WriteLine("nothing changed");
            return 0;
        }
        catch (ArgumentException ex)
        {
            return CommandBoundary.Fail(errors, ex.Message);
        }
    }

    internal static int RunHistory(StoreSettings settings, string institutionName, string obligation, bool json, TimeProvider clock, TextWriter output, TextWriter errors)
    {
        using var store = RegulationStore.Open(settings, clock);
        if (store.Institutions.Find(institutionName) is not { } institution) return InstitutionCommand.NotFound(errors, institutionName);
        if (store.Register.Find(institution, obligation) is not { } entry)
            return CommandBoundary.Fail(errors, $"Obligation '{obligation}' does not bind {institution.Name}.");
        foreach (var h in store.Tracking.History(institution.Id, entry.ObligationId))
            output.WriteLine(json ? JsonSerializer.Serialize(h, OtJson.Compact) : $"{h.At:yyyy-MM-dd HH:mm:ss} {h.Actor}  {h.Field}: {h.From ?? "-"} → {h.To ?? "-"}");
        foreach (var e in store.Tracking.Evidence(institution.Id, entry.ObligationId))
            if (!json) output.WriteLine($"evidence {e.AddedAt:yyyy-MM-dd} {e.AddedBy}: {e.Evidence}");
        return 0;
    }

    /// <summary>Each line is committed on its own and then printed as <c>ok LINE-NUMBER OBLIGATION</c>: what was printed is stored.</summary>
    internal static int RunImport(StoreSettings settings, string institutionName, string file, string actor, TimeProvider clock, TextWriter output, TextWriter errors)
    {
        if (!File.Exists(file)) return CommandBoundary.Fail(errors, $"No such file: {file}");
        using var store = RegulationStore.Open(settings, clock);
        if (store.Institutions.Find(institutionName) is not { } institution) return InstitutionCommand.NotFound(errors, institutionName);
        var failed = 0;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            var (update, problem) = ToUpdate(new SetArguments(Status: cells.ElementAtOrDefault(1), Owner: Blank(cells.ElementAtOrDefault(2)), Note: Blank(cells.ElementAtOrDefault(3))));
            var entry = update is null ? null : store.Register.Find(institution, cells[0]);
            if (update is null || entry is null || !entry.Active)
            {
                failed++;
                errors.WriteLine($"{file}:{lineNumber}: {problem ?? $"obligation '{cells[0]}' does not bind {institution.Name} or was removed"}");
                continue;
            }

            try
            {
                store.Tracking.Set(institution.Id, entry.ObligationId, update, actor);
                output.WriteLine($"ok {lineNumber} {entry.ObligationId}");
                output.Flush();
            }
            catch (ArgumentException ex)
            {
                failed++;
                errors.WriteLine($"{file}:{lineNumber}: {ex.Message}");
            }
        }

        return failed == 0 ? 0 : 1;
    }

    /// <summary>Checks what was typed: a known status, dates, an existing evidence file or an http(s) URL.</summary>
    internal static (TrackingUpdate? Update, string? Problem) ToUpdate(SetArguments a)
    {
        EvidenceReference? evidence = null;
        if (!string.IsNullOrWhiteSpace(a.Evidence))
        {
            if (Uri.TryCreate(a.Evidence, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                evidence = new EvidenceReference(EvidenceReference.UrlKind, uri.ToString(), null);
            else if (File.Exists(a.Evidence))
            {
                using var stream = File.OpenRead(a.Evidence);
                evidence = new EvidenceReference(EvidenceReference.FileKind, Path.GetFullPath(a.Evidence), Convert.ToHexStringLower(SHA256.HashData(stream)));
            }
            else
                return (null, $"--evidence '{a.Evidence}' is neither an existing file nor an http(s) URL.");
        }

        var clear = TrackingClear.None;
        foreach (var field in a.Clear ?? [])
        {
            if (!Clearable.TryGetValue(field.Trim(), out var flag))
                return (null, $"--clear '{field}': use owner, note, due, reason or done.");
            clear |= flag;
        }

        return TrackingInput.Parse(a.Status, a.Reason, a.Owner, a.Note, a.Due, a.Done, a.Reviewed, evidence, TrackingInput.FieldNames.Cli, clear);
    }

    private static string? Blank(string? s) => TrackingInput.Blank(s);
}
