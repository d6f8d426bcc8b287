using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Cli.Web;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Web.Tests;

/// <summary>An app of its own, with one officer and nothing ingested, for tests that move its clock or lock its users out.</summary>
public sealed class LoneApp : IAsyncDisposable
{
    public const string Officer = "olivia";
    public const string Password = "correct-horse-9";

    private readonly WebApplication _app;
    private readonly bool _ownsData;

    private LoneApp(WebApplication app, string data, StoreSettings store, FakeTimeProvider clock, bool ownsData)
    {
        _app = app;
        _ownsData = ownsData;
        DataDirectory = data;
        Store = store;
        Clock = clock;
        BaseAddress = new Uri(app.Urls.Single());
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public StoreSettings Store { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<LoneApp> Start()
    {
        var data = Path.Combine(Path.GetTempPath(), "ot-web-lone-" + Guid.NewGuid().ToString("N"));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 15, 2, 0, 0, TimeSpan.Zero));
        var store = StoreSettings.Sqlite(data);
        if (UserCommand.RunAdd(store, Officer, "officer", null, Password, clock, TextWriter.Null, TextWriter.Null) != 0)
            throw new InvalidOperationException("Could not add the officer.");
        return await Start(data, store, clock, ownsData: true);
    }

    /// <summary>Another node on this app's store (its own data directory), on the same clock.</summary>
    public async Task<LoneApp> SecondNode() =>
        await Start(Path.Combine(Path.GetTempPath(), "ot-web-lone-" + Guid.NewGuid().ToString("N")), Store, Clock, ownsData: true);

    public WebClient Client() => new(BaseAddress);

    /// <summary>Posts the sign-in form (its token fetched first) to <paramref name="path"/>, as from <paramref name="forwardedFor"/> through a proxy when given.</summary>
    public static async Task<HttpResponseMessage> SignIn(WebClient client, string name, string password, string? forwardedFor = null, string path = "/account/login")
    {
        var token = await client.FormToken("/account/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name, ["password"] = password, ["__RequestVerificationToken"] = token }),
        };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!_ownsData) return;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's cleaning.
        }
    }

    private static async Task<LoneApp> Start(string data, StoreSettings store, FakeTimeProvider clock, bool ownsData)
    {
        Directory.CreateDirectory(data);
        var app = WebHost.Build(new WebOptions(data, store) { Urls = ["http://127.0.0.1:0"], RunScheduler = false, Clock = clock });
        await app.StartAsync();
        return new LoneApp(app, data, store, clock, ownsData);
    }
}
