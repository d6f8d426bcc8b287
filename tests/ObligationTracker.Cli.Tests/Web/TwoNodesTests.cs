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
        await a.Client.SignIn("olivia", Password);
        await b.Client.SignIn("olivia", Password);
        Assert.Empty(await b.Client.Hits("受托业务"));

        // Node A holds its index, so the CLI stores the file and node A's catch-up indexes it, as node B's does.
        var (code, output) = await OtNode.Run(dataA, connection, "ingest", Path.Combine(RepoPaths.Corpora, "samples", Sample));
        Assert.True(code == 0, output);
        Assert.Contains("files go to the store only", output);

        var onB = await b.Client.Eventually("受托业务", hits => hits.Count > 0, Deadline, () => b.Log);
        Assert.All(onB, h => Assert.Equal((Sample, "in-force"), (h.GetProperty("file").GetString(), h.GetProperty("status").GetString())));
        await a.Client.Eventually("受托业务", hits => hits.Count > 0, Deadline, () => a.Log);

        Assert.Equal(0, RegulationCommand.RunSetStatus(store, Sample, Storage.RegulationStatus.Repealed, null, TimeProvider.System, TextWriter.Null, TextWriter.Null));

        await b.Client.Eventually("受托业务", hits => hits.Count > 0 && hits.All(h => h.GetProperty("status").GetString() == "repealed"), Deadline, () => b.Log);
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
}
