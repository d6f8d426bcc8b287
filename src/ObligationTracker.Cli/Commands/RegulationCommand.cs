using System.CommandLine;
using System.Text.Json;
using ObligationTracker.Core.Serialization;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot regulation list|repeal|reinstate</c>: the stored regulations and whether they are in force.</summary>
internal static class RegulationCommand
{
    public static Command Create()
    {
        var command = new Command("regulation", "List stored regulations; mark one repealed (废止) or back in force.");
        var json = CliOptions.Json();
        var list = new Command("list", "Stored regulations with version, effective date and status.") { json };
        list.SetAction(r => CommandBoundary.Run(Console.Error, () => RunList(CliOptions.ResolveStore(r), r.GetValue(json), TimeProvider.System, Console.Out)));
        command.Subcommands.Add(list);
        command.Subcommands.Add(SetStatus("repeal", "Mark a regulation repealed: it binds nobody any more; its tracking is kept.", RegulationStatus.Repealed));
        command.Subcommands.Add(SetStatus("reinstate", "Mark a regulation in force again.", RegulationStatus.InForce));
        return command;
    }

    private static Command SetStatus(string name, string description, RegulationStatus status)
    {
        var regulation = new Argument<string>("REGULATION") { Description = "Document number, title, file name or store id." };
        var note = new Option<string?>("--note") { Description = "Why (e.g. the repealing notice)." };
        var command = new Command(name, description) { regulation, note };
        command.SetAction(r => CommandBoundary.Run(Console.Error, () =>
            RunSetStatus(CliOptions.ResolveStore(r), r.GetRequiredValue(regulation), status, r.GetValue(note), TimeProvider.System, Console.Out, Console.Error,
                CliOptions.ResolveDataDirectory(r))));
        return command;
    }

    internal static int RunList(StoreSettings settings, bool json, TimeProvider clock, TextWriter output)
    {
        using var store = RegulationStore.Open(settings, clock);
        foreach (var r in store.List())
            output.WriteLine(json
                ? JsonSerializer.Serialize(r, OtJson.Compact)
                : $"{r.Id,5}  {(r.Status == RegulationStatus.Repealed ? "废止" : "现行")}  v{r.Version}  {r.Effective?.ToString("yyyy-MM-dd") ?? "-",-10}  {r.Title}  {r.DocumentNumber ?? ""}");
        return 0;
    }

    /// <param name="dataDirectory">Where the index to bring in step is; null leaves indexes to their own catch-up.</param>
    internal static int RunSetStatus(StoreSettings settings, string reference, RegulationStatus status, string? note, TimeProvider clock, TextWriter output, TextWriter errors,
        string? dataDirectory = null)
    {
        using var store = RegulationStore.Open(settings, clock);
        if (store.Find(reference) is not { } regulation) return CommandBoundary.Fail(errors, $"No stored regulation matches '{reference}' (document number, title, file name or id).");
        store.SetStatus(regulation.Id, status, note);
        output.WriteLine($"{regulation.Title}: {(status == RegulationStatus.Repealed ? "repealed (废止)" : "in force (现行)")}");
        if (dataDirectory is not null && IndexCommand.SyncExisting(store, dataDirectory, clock) is { } indexed) errors.WriteLine(indexed);
        return 0;
    }
}
