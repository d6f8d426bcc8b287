using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Lucene.Net.Store;
using ObligationTracker.Cli.Ingestion;
using ObligationTracker.Core.Serialization;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot index sync</c>: one catch-up pass of the data directory's index against the store.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var command = new Command("index", "The search index of this data directory.");
        var json = CliOptions.Json();
        var sync = new Command("sync", "Bring the index in step with the store (regulations ingested, revised, repealed or reinstated elsewhere); prints what it did.") { json };
        sync.SetAction(r => CommandBoundary.Run(Console.Error, () =>
            RunSync(CliOptions.ResolveStore(r), CliOptions.ResolveDataDirectory(r), r.GetValue(json), TimeProvider.System, Console.Out, Console.Error)));
        command.Subcommands.Add(sync);
        return command;
    }

    public static string IndexPath(string dataDirectory) => Path.Combine(dataDirectory, "index");

    internal static int RunSync(StoreSettings settings, string dataDirectory, bool json, TimeProvider clock, TextWriter output, TextWriter errors)
    {
        var started = Stopwatch.GetTimestamp();
        using var store = RegulationStore.Open(settings, clock);
        IReadOnlyList<IndexChange> changes;
        try
        {
            using var index = ArticleIndex.Open(IndexPath(dataDirectory));
            changes = new IndexCatchUp(index, clock).Run(store);
        }
        catch (LockObtainFailedException)
        {
            return CommandBoundary.Fail(errors, $"the index in {IndexPath(dataDirectory)} is open in another process (`ot serve`?), which keeps it in step by itself.");
        }

        foreach (var c in changes)
        {
            output.WriteLine(json
                ? JsonSerializer.Serialize(new { change = Name(c.Kind), file = c.File, title = c.Title, status = c.Status?.ToString() }, OtJson.Compact)
                : $"{Name(c.Kind),-10} {c.File}{(c.Title is null ? "" : "  " + c.Title)}{(c.Status is { } s ? $"  ({s})" : "")}");
        }

        errors.WriteLine($"index sync: {Summary(changes)} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>
    /// After a command changed the store (repeal, reinstate): catches up the data directory's index where there is one,
    /// so local searches show the change at once; returns a line saying what happened, or null without an index.
    /// </summary>
    internal static string? SyncExisting(RegulationStore store, string dataDirectory, TimeProvider clock)
    {
        var path = IndexPath(dataDirectory);
        if (!System.IO.Directory.Exists(path)) return null;
        try
        {
            using var index = ArticleIndex.Open(path);
            return $"index: {Summary(new IndexCatchUp(index, clock).Run(store))}";
        }
        catch (LockObtainFailedException)
        {
            return "index: open in a running `ot serve`, which catches up within seconds";
        }
    }

    /// <summary>"2 added, 1 re-indexed, 0 status changed, 1 deleted".</summary>
    public static string Summary(IReadOnlyList<IndexChange> changes)
    {
        int Count(IndexChangeKind k) => changes.Count(c => c.Kind == k);
        return $"{Count(IndexChangeKind.Added)} added, {Count(IndexChangeKind.Reindexed)} re-indexed, {Count(IndexChangeKind.StatusChanged)} status changed, {Count(IndexChangeKind.Deleted)} deleted";
    }

    private static string Name(IndexChangeKind kind) => kind switch
    {
        IndexChangeKind.Added => "added",
        IndexChangeKind.Reindexed => "reindexed",
        IndexChangeKind.StatusChanged => "status",
        _ => "deleted",
    };
}
