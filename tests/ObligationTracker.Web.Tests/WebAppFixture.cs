using System.Globalization;
using Microsoft.AspNetCore.Builder;
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
        Check(IngestCommand.Run(files, _data, false, TimeProvider.System, TextWriter.Null, TextWriter.Null), "ingest the samples");
        Check(InstitutionCommand.RunAdd(Store, "示例消费金融", ["消费金融公司"], null, null, TimeProvider.System, TextWriter.Null, TextWriter.Null), "add an institution");
        Check(InstitutionCommand.RunAdd(Store, "示例信托", ["信托公司"], null, null, TimeProvider.System, TextWriter.Null, TextWriter.Null), "add an institution");
        using (var store = RegulationStore.Open(Store, TimeProvider.System))
        {
            OwnInstitution = store.Institutions.Find("示例消费金融")!.Id;
            OtherInstitution = store.Institutions.Find("示例信托")!.Id;
        }

        AddUser(Users.Officer, "officer", null);
        AddUser(Users.Own, "institution", OwnInstitution.ToString(CultureInfo.InvariantCulture));
        AddUser(Users.Other, "institution", OtherInstitution.ToString(CultureInfo.InvariantCulture));
        AddUser(Users.Auditor, "auditor", null);

        _app = WebHost.Build(new WebOptions(_data, Store) { Urls = ["http://127.0.0.1:0"], RunScheduler = false, MaxUploadBytes = MaxUploadBytes });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
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

    /// <summary>A client signed in as <paramref name="user"/> (one of <see cref="Users"/>), or anonymous for null.</summary>
    public async Task<WebClient> Client(string? user)
    {
        var client = new WebClient(BaseAddress);
        if (user is not null) await client.SignIn(user, Password);
        return client;
    }

    private void AddUser(string name, string role, string? institution) =>
        Check(UserCommand.RunAdd(Store, name, role, institution, Password, TimeProvider.System, TextWriter.Null, TextWriter.Null), $"add user {name}");

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
