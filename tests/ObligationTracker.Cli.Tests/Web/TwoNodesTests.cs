using System.Diagnostics;
using System.Text.Json;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Cli.Tests.Register;
using ObligationTracker.Storage.Database;
using Xunit;

namespace ObligationTracker.Cli.Tests.Web;

/// <summary>
/// Two <c>ot serve</c> processes on one PostgreSQL store, each with its own data directory and index: a regulation
/// ingested through one is found by searching the other, and a repeal reaches the other's index too.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoNodesTests(PostgresServerFixture pg) : IDisposable
{
    private const string Password = "correct-horse-9";
    private const string Sample = "nfra_trust_company_fiduciary_business_measures_2026.md";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ot-nodes-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task IngestThroughNodeA_SearchOnNodeB_FindsItWithinSeconds()
    {
        var connection = pg.Server.CreateDatabase();
        var store = new StoreSettings(StoreBackend.Postgres, connection);
        Assert.Equal(0, UserCommand.RunAdd(store, "olivia", "officer", null, Password, TimeProvider.System, TextWriter.Null, TextWriter.Null));
        var dataA = Path.Combine(_root, "a");
        var dataB = Path.Combine(_root, "b");
        var startA = OtNode.Start(dataA, connection, "node-a", TimeSpan.FromSeconds(60));
        var startB = OtNode.Start(dataB, connection, "node-b", TimeSpan.FromSeconds(60));
        using var a = await startA;
        using var b = await startB;
        await a.SignIn("olivia", Password);
        await b.SignIn("olivia", Password);
        Assert.Empty(await Hits(b, "受托业务"));

        // Node A holds its index, so the CLI stores the file and node A's catch-up indexes it, as node B's does.
        var (code, output) = await OtNode.Run(dataA, connection, "ingest", Path.Combine(RepoPaths.Corpora, "samples", Sample));
        Assert.True(code == 0, output);
        Assert.Contains("files go to the store only", output);

        var onB = await Eventually(b, "受托业务", hits => hits.Count > 0);
        Assert.All(onB, h => Assert.Equal((Sample, "in-force"), (h.GetProperty("file").GetString(), h.GetProperty("status").GetString())));
        await Eventually(a, "受托业务", hits => hits.Count > 0);

        Assert.Equal(0, RegulationCommand.RunSetStatus(store, Sample, Storage.RegulationStatus.Repealed, null, TimeProvider.System, TextWriter.Null, TextWriter.Null));

        await Eventually(b, "受托业务", hits => hits.Count > 0 && hits.All(h => h.GetProperty("status").GetString() == "repealed"));
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a process being killed; the temp folder's cleaning takes it
        }
    }

    private static async Task<List<JsonElement>> Hits(OtNode node, string query)
    {
        using var response = await node.Http.GetAsync(new Uri($"/api/search?q={Uri.EscapeDataString(query)}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"search answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.Clone())];
    }

    /// <summary>Polls the node's search until <paramref name="done"/> holds, failing after <see cref="Deadline"/>.</summary>
    private static async Task<List<JsonElement>> Eventually(OtNode node, string query, Func<List<JsonElement>, bool> done)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var hits = await Hits(node, query);
            if (done(hits)) return hits;
            Assert.True(watch.Elapsed < Deadline, $"not seen on {node.Http.BaseAddress} within {Deadline.TotalSeconds} s; its log:\n{node.Log}");
            await Task.Delay(200);
        }
    }
}
