using System.CommandLine;
using ObligationTracker.Cli.Web;
using ObligationTracker.Storage.Users;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot serve [--urls URLS] [--node ID]</c>: the web app and API, with the scheduler (daily scan, reminder delivery), until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var node = new Option<string?>("--node") { Description = "This node's id in a cluster; default $OT_NODE, else host name and process id." };
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on, separated by ';' (default $ASPNETCORE_URLS, else {WebOptions.DefaultUrl}); port 0 picks a free one." };
        var indexSync = new Option<double?>("--index-sync")
        {
            Description = $"Seconds between the index's catch-ups with the store (what other nodes ingested, revised, repealed); default {WebOptions.DefaultIndexSyncInterval.TotalSeconds:0}, 0 turns them off.",
        };
        var command = new Command("serve", "Run the web app and HTTP API, and the scheduler: the daily due-date scan and reminder delivery (Ctrl+C stops it).") { node, urls, indexSync };
        command.SetAction(async (r, ct) =>
        {
            var dataDirectory = CliOptions.ResolveDataDirectory(r);
            WebOptions? options = null;
            int users = 0;
            var code = CommandBoundary.Run(Console.Error, () =>
            {
                var store = CliOptions.ResolveStore(r);
                var syncSeconds = r.GetValue(indexSync) ?? WebOptions.DefaultIndexSyncInterval.TotalSeconds;
                if (syncSeconds < 0 || double.IsNaN(syncSeconds)) throw new FormatException("--index-sync takes a number of seconds, 0 or more.");
                options = new WebOptions(dataDirectory, store)
                {
                    IndexSyncInterval = syncSeconds == 0 ? null : TimeSpan.FromSeconds(Math.Max(syncSeconds, 0.1)),
                    Node = r.GetValue(node),
                    Urls = r.GetValue(urls) is { Length: > 0 } u ? u.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
                };
                using var userStore = UserStore.Open(store, TimeProvider.System);
                users = userStore.Count();
                return 0;
            });
            if (code != 0) return code;

            WebApplication app;
            try
            {
                app = WebHost.Build(options!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                Console.Error.WriteLine($"error: the web app could not be built: {ex.Message}");
                return CommandBoundary.StoreError;
            }

            await using (app)
            {
                // Ctrl+C and SIGTERM stop the host (its console lifetime); a running job finishes first.
                using var stop = ct.Register(() => app.Lifetime.StopApplication());
                try
                {
                    await app.StartAsync(CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Console.Error.WriteLine($"error: ot serve did not start: {ex.Message}");
                    return CommandBoundary.StoreError;
                }

                Console.Error.WriteLine($"serving {string.Join(", ", app.Urls)} on {options!.Store.Describe()}; data in {dataDirectory}");
                if (users == 0)
                    Console.Error.WriteLine("No user can sign in yet: create the first one with `ot user add NAME --role officer` (same --data/--store).");
                await app.WaitForShutdownAsync(CancellationToken.None);
            }

            return 0;
        });
        return command;
    }
}
