using System.Net;
using Microsoft.AspNetCore.Builder;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Cli.Web;
using ObligationTracker.Storage.Database;
using Xunit;

namespace ObligationTracker.Cli.Tests.Web;

/// <summary>
/// The web app in this process on a SQLite store that another "node" (ot ingest with its own data directory) writes to:
/// the app's index catches up on its own, and cached search answers give way to the new ones.
/// </summary>
public sealed class IndexCatchUpServiceTests : IAsyncLifetime, IDisposable
{
    private const string Password = "correct-horse-9";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly Scratch _scratch = new("ot-catchup-web-");
    private WebApplication? _app;

    private string Data => Path.Combine(_scratch.Root, "node");

    private StoreSettings Store => StoreSettings.SqliteFile(Path.Combine(_scratch.Root, "store", "ot.db"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_scratch.Root, "store"));
        Assert.Equal(0, UserCommand.RunAdd(Store, "olivia", "officer", null, Password, TimeProvider.System, TextWriter.Null, TextWriter.Null));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FreshNode_StoreAlreadyHoldsRegulations_FillsItsIndexAtStartUp()
    {
        IngestElsewhere("measures.md", Scratch.Measures);

        using var client = await Start();

        var hits = await client.Eventually("虚报", h => h.Count > 0, Deadline);
        Assert.Equal(("measures.md", 3), (hits[0].GetProperty("file").GetString(), hits[0].GetProperty("article").GetInt32()));
    }

    [Fact]
    public async Task CachedSearchAnswer_IndexCatchesUpWithAnotherNodesIngest_NextAnswerHasIt()
    {
        using var client = await Start();
        Assert.Empty(await client.Hits("虚报"));
        Assert.Empty(await client.Hits("虚报")); // answered from the cache now

        IngestElsewhere("measures.md", Scratch.Measures);

        await client.Eventually("虚报", h => h.Count > 0, Deadline);
    }

    [Fact]
    public async Task CachedSearchAnswer_AnonymousCaller_Gets401NotTheAnswer()
    {
        IngestElsewhere("measures.md", Scratch.Measures);
        using var client = await Start();
        await client.Eventually("虚报", h => h.Count > 0, Deadline);
        using var anonymous = new SignedInClient(client.Http.BaseAddress!);

        using var response = await anonymous.Http.GetAsync(new Uri($"/api/search?q={Uri.EscapeDataString("虚报")}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    /// <summary>After <see cref="DisposeAsync"/>: the app no longer holds the folder's files.</summary>
    public void Dispose() => _scratch.Dispose();

    private async Task<SignedInClient> Start()
    {
        _app = WebHost.Build(new WebOptions(Data, Store)
        {
            Urls = ["http://127.0.0.1:0"], RunScheduler = false, IndexSyncInterval = TimeSpan.FromMilliseconds(200),
        });
        await _app.StartAsync();
        var client = new SignedInClient(new Uri(_app.Urls.Single()));
        await client.SignIn("olivia", Password);
        return client;
    }

    /// <summary>Ingests through another data directory (another node): into the shared store and that node's index only.</summary>
    private void IngestElsewhere(string name, string text)
    {
        Assert.Equal(0, IngestCommand.Run([_scratch.Write(name, text)], Path.Combine(_scratch.Root, "elsewhere"), json: false, TimeProvider.System, TextWriter.Null, TextWriter.Null, Store));
    }
}
