using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Cli.Web;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using Xunit;

namespace ObligationTracker.Web.Tests;

/// <summary>
/// One running web app for the tests: the samples of corpora/samples ingested into a temporary data directory (SQLite),
/// two institutions, a user of each role, and the app on Kestrel at a free loopback port.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    public const string Password = "correct-horse-9";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "ot-web-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    /// <summary>The app's clock: 2026-09-15 10:00 China time, so due dates computed from the 2026 samples are known days.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 9, 15, 2, 0, 0, TimeSpan.Zero));

    public static readonly DateOnly Today = new(2026, 9, 15);

    public Uri BaseAddress { get; private set; } = null!;

    public string DataDirectory => _data;

    public StoreSettings Store => StoreSettings.Sqlite(_data);

    /// <summary>The institution the institution user "own" belongs to (a consumer finance company).</summary>
    public long OwnInstitution { get; private set; }

    /// <summary>Another institution (a trust company) that user must not reach.</summary>
    public long OtherInstitution { get; private set; }

    /// <summary>The upload limit the app runs with: small, so the limit test sends little.</summary>
    public const long MaxUploadBytes = 2L * 1024 * 1024;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        var samples = Path.Combine(RepoPaths.Corpora, "samples");
        var files = Directory.GetFiles(samples).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).ToList();
        Check(IngestCommand.Run(files, _data, false, Clock, TextWriter.Null, TextWriter.Null), "ingest the samples");
        Check(InstitutionCommand.RunAdd(Store, "示例消费金融", ["消费金融公司"], null, null, Clock, TextWriter.Null, TextWriter.Null), "add an institution");
        Check(InstitutionCommand.RunAdd(Store, "示例信托", ["信托公司"], null, null, Clock, TextWriter.Null, TextWriter.Null), "add an institution");
        using (var store = RegulationStore.Open(Store, Clock))
        {
            OwnInstitution = store.Institutions.Find("示例消费金融")!.Id;
            OtherInstitution = store.Institutions.Find("示例信托")!.Id;
        }

        AddUser(Users.Officer, "officer", null);
        AddUser(Users.Own, "institution", OwnInstitution.ToString(CultureInfo.InvariantCulture));
        AddUser(Users.Other, "institution", OtherInstitution.ToString(CultureInfo.InvariantCulture));
        AddUser(Users.Auditor, "auditor", null);

        _app = WebHost.Build(new WebOptions(_data, Store) { Urls = ["http://127.0.0.1:0"], RunScheduler = false, MaxUploadBytes = MaxUploadBytes, Clock = Clock });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());

        var officer = await As(Users.Officer);
        var register = (await officer.GetJson($"/api/institutions/{OwnInstitution}/obligations?size=1000")).GetProperty("obligations");
        MatrixObligation = register.EnumerateArray().First(o => o.GetProperty("active").GetBoolean()).GetProperty("obligationId").GetInt64();
        SomeRegulation = register[0].GetProperty("regulationId").GetInt64();
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("矩阵测试证据")), "file", "matrix.txt" } })
        using (var attached = await officer.Http.PostAsync(new Uri($"/api/institutions/{OwnInstitution}/tracking/{MatrixObligation}/evidence", UriKind.Relative), form))
        {
            if (!attached.IsSuccessStatusCode) throw new InvalidOperationException($"Attaching the matrix's evidence answered {(int)attached.StatusCode}.");
        }

        var history = await officer.GetJson($"/api/institutions/{OwnInstitution}/tracking/{MatrixObligation}/history");
        MatrixEvidence = history.GetProperty("evidence").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "file").GetProperty("id").GetInt64();
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _signedIn.Values) client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's cleaning.
        }
    }

    /// <summary>An obligation that binds <see cref="OwnInstitution"/>: the target of the matrix's tracking calls.</summary>
    public long MatrixObligation { get; private set; }

    /// <summary>A file attached to <see cref="MatrixObligation"/> for the matrix's download.</summary>
    public long MatrixEvidence { get; private set; }

    /// <summary>A regulation id for the matrix's GET /api/regulations/{id}.</summary>
    public long SomeRegulation { get; private set; }

    private readonly Dictionary<string, WebClient> _signedIn = [];

    /// <summary>A client signed in once as <paramref name="user"/> and kept for the run (tests of one collection run one at a time).</summary>
    public async Task<WebClient> As(string user)
    {
        if (!_signedIn.TryGetValue(user, out var client)) _signedIn[user] = client = await Client(user);
        return client;
    }

    /// <summary>A client signed in as <paramref name="user"/> (one of <see cref="Users"/>), or anonymous for null.</summary>
    public async Task<WebClient> Client(string? user)
    {
        var client = new WebClient(BaseAddress);
        if (user is not null) await client.SignIn(user, Password);
        return client;
    }

    private void AddUser(string name, string role, string? institution) =>
        Check(UserCommand.RunAdd(Store, name, role, institution, Password, Clock, TextWriter.Null, TextWriter.Null), $"add user {name}");

    private static void Check(int code, string what)
    {
        if (code != 0) throw new InvalidOperationException($"Could not {what} (exit code {code}).");
    }
}

/// <summary>The test users' names.</summary>
public static class Users
{
    public const string Officer = "olivia";
    public const string Own = "owen";
    public const string Other = "oscar";
    public const string Auditor = "audrey";
}

[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web app";
}
