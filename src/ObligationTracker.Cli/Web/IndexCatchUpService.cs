using System.Data.Common;
using System.Diagnostics;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Cli.Ingestion;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Storage;

namespace ObligationTracker.Cli.Web;

/// <summary>
/// Keeps this node's index in step with the shared store (<see cref="IndexCatchUp"/>): a pass at start-up, which fills a
/// fresh node's empty index, then one every <see cref="WebOptions.IndexSyncInterval"/>.
/// </summary>
/// <remarks>
/// Passes run in the background: the app serves while a fresh index fills, batch by batch. A store that cannot be
/// reached (PostgreSQL restarting) is reported once and retried on the next tick with a new connection; the index keeps
/// answering from what it holds.
/// </remarks>
internal sealed class IndexCatchUpService(ArticleIndex index, WebOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.IndexSyncInterval ?? throw new InvalidOperationException("The index catch-up runs only with an interval.");
        var catchUp = new IndexCatchUp(index, options.Clock);
        RegulationStore? store = null;
        string? failing = null;
        using var timer = new PeriodicTimer(interval, options.Clock);
        try
        {
            do
            {
                // Off the host's start-up path: the first pass of a fresh node indexes the whole store.
                await Task.Run(() => Pass(), stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            store?.Dispose();
        }

        void Pass()
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                store ??= RegulationStore.Open(options.Store, options.Clock);
                var changes = catchUp.Run(store, stoppingToken);
                if (failing is not null) Console.Error.WriteLine("index catch-up: the store answers again");
                failing = null;
                if (changes.Count > 0)
                    Console.Error.WriteLine($"index catch-up: {IndexCommand.Summary(changes)} in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
            }
            catch (Exception ex) when (ex is DbException or IOException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException)
            {
                store?.Dispose();
                store = null;
                if (failing != ex.Message) Console.Error.WriteLine($"index catch-up failed (retrying every {interval.TotalSeconds:0.#} s): {ex.Message}");
                failing = ex.Message;
            }
        }
    }
}
