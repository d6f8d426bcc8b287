using System.CommandLine;
using System.Text.Json;
using ObligationTracker.Cli.Ingestion;
using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Pipeline;
using ObligationTracker.Core.Serialization;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using Spectre.Console;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot ingest PATH...</c>: store regulations (folders recursively), skipping files whose bytes are already stored.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders (recursively) to ingest.", Arity = ArgumentArity.OneOrMore };
        var json = CliOptions.Json();
        var revises = new Option<string?>("--revises") { Description = "Declare the (single) file a revision of this stored regulation: document number, title, file name or id." };
        var command = new Command("ingest", "Read, parse and store regulations; prints stored, unchanged and failed files.") { paths, json, revises };
        command.SetAction(result => CommandBoundary.Run(Console.Error, () => Run(
            result.GetRequiredValue(paths), CliOptions.ResolveDataDirectory(result), result.GetValue(json), TimeProvider.System, Console.Out, Console.Error,
            CliOptions.ResolveStore(result), result.GetValue(revises))));
        return command;
    }

    internal static int Run(IEnumerable<string> paths, string dataDirectory, bool json, TimeProvider clock, TextWriter output, TextWriter errors, StoreSettings? storeSettings = null, string? revises = null)
    {
        var loader = new RegulationLoader();
        var (files, missing) = InputFiles.Expand(paths, loader.Readers);
        using var store = RegulationStore.Open(storeSettings ?? StoreSettings.Sqlite(dataDirectory), clock);
        using var index = OpenIndex(dataDirectory, errors);
        var ingestor = new Ingestor(loader, store, index, clock);
        StoredRegulation? revised = null;
        if (revises is not null)
        {
            if (files.Count != 1 || missing.Count > 0) return CommandBoundary.Fail(errors, "--revises takes exactly one file.");
            revised = store.Find(revises);
            if (revised is null) return CommandBoundary.Fail(errors, $"--revises: no stored regulation matches '{revises}'.");
        }

        var outcomes = new List<FileOutcome>(files.Count);
        var interactive = !json && !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
        void IngestAll(Action<string>? progress)
        {
            // Bytes already stored and indexed are not parsed again (decided on every thread from this snapshot).
            var known = store.List().Where(r => index is null || index.IndexedVersion(r.File) == r.ContentHash)
                .Select(r => r.ContentHash).ToHashSet(StringComparer.Ordinal);
            // Read, parse and mine on every core, in order; store one at a time; index a batch per commit.
            var prepared = files.AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
                .WithMergeOptions(ParallelMergeOptions.NotBuffered)
                .Select(f => ingestor.Prepare(f, known.Contains));
            foreach (var file in prepared)
            {
                progress?.Invoke(file.Path);
                outcomes.Add(ingestor.Store(file, revised));
                if (ingestor.Pending >= IndexBatch) ingestor.Flush();
            }

            ingestor.Flush();
        }

        if (interactive && files.Count > 1)
        {
            AnsiConsole.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask("ingesting", maxValue: files.Count);
                IngestAll(file =>
                {
                    task.Description = Markup.Escape(Path.GetFileName(file));
                    task.Increment(1);
                });
            });
        }
        else
        {
            IngestAll(null);
        }

        if (outcomes.Any(o => o.Status is IngestStatus.Stored or IngestStatus.Replaced)) store.Optimize();
        outcomes.AddRange(missing.Select(d => new FileOutcome(d.File, IngestStatus.Failed, null, 0, [d])));
        Report(outcomes, json, output, errors);
        return outcomes.Any(o => o.Status == IngestStatus.Failed) ? 1 : 0;
    }

    /// <summary>Regulations indexed per commit: a killed run re-indexes at most this many stored ones next time.</summary>
    private const int IndexBatch = 32;

    /// <summary>The data directory's index; null where a running <c>ot serve</c> holds it, which indexes from the store by itself.</summary>
    private static ArticleIndex? OpenIndex(string dataDirectory, TextWriter errors)
    {
        try
        {
            return ArticleIndex.Open(IndexCommand.IndexPath(dataDirectory));
        }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            errors.WriteLine($"note: the index in {IndexCommand.IndexPath(dataDirectory)} is open in another process (`ot serve`?): files go to the store only, and that process indexes them within seconds.");
            return null;
        }
    }

    private static void Report(List<FileOutcome> outcomes, bool json, TextWriter output, TextWriter errors)
    {
        if (json)
        {
            foreach (var o in outcomes)
                output.WriteLine(JsonSerializer.Serialize(new { file = o.Path, status = o.Status.ToString().ToLowerInvariant(), title = o.Title, articles = o.Articles, obligations = o.Obligations, diagnostics = o.Diagnostics }, OtJson.Compact));
        }
        else
        {
            foreach (var o in outcomes.Where(o => o.Status != IngestStatus.Unchanged))
                output.WriteLine($"{o.Status.ToString().ToLowerInvariant(),-9} {o.Path}{(o.Title is null ? "" : $"  {o.Title} ({o.Articles} articles{(o.Obligations is { } d ? $"; obligations: {d}" : "")})")}");
        }

        foreach (var d in outcomes.SelectMany(o => o.Diagnostics).Where(d => !json || d.Severity == DiagnosticSeverity.Error))
            errors.WriteLine(d);

        int Count(IngestStatus s) => outcomes.Count(o => o.Status == s);
        errors.WriteLine($"ingest: {Count(IngestStatus.Stored)} stored, {Count(IngestStatus.Replaced)} replaced, {Count(IngestStatus.Unchanged)} unchanged, {Count(IngestStatus.Failed)} failed"
            + (Count(IngestStatus.Reindexed) > 0 ? $", {Count(IngestStatus.Reindexed)} re-indexed" : ""));
    }
}
