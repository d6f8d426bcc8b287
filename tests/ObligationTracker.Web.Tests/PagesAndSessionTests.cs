using System.Net;
using Microsoft.AspNetCore.Builder;
using ObligationTracker.Cli.Web;
using ObligationTracker.Storage.Database;
using Xunit;

namespace ObligationTracker.Web.Tests;

/// <summary>Pages redirect to the sign-in page, static files are served locally, sign-out ends the session, and a fresh install says how to make the first user.</summary>
[Collection(WebAppCollection.Name)]
public sealed class PagesAndSessionTests(WebAppFixture app)
{
    [Fact]
    public async Task Page_NotSignedIn_RedirectsToSignIn()
    {
        using var client = await app.Client(null);

        using var response = await client.Get("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Stylesheet_ServedFromTheAppWithoutSigningIn()
    {
        using var client = await app.Client(null);

        using var response = await client.Get("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignOut_WithToken_EndsTheSession()
    {
        using var client = await app.Client(Users.Auditor);
        var token = await client.FormToken("/");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        using var response = await client.Http.PostAsync(new Uri("/account/logout", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var me = await client.Get("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheSearchParameters()
    {
        using var client = await app.Client(null);

        var doc = await client.GetJson("/openapi/v1.json");

        var parameters = doc.GetProperty("paths").GetProperty("/api/search").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["q", "type", "issuer", "modality", "status", "yearFrom", "yearTo", "page", "size"], parameters);
    }

    [Fact]
    public async Task SignInPage_FreshInstall_SaysHowToCreateTheFirstUser()
    {
        var data = Path.Combine(Path.GetTempPath(), "ot-web-fresh-" + Guid.NewGuid().ToString("N"));
        await using var fresh = WebHost.Build(new WebOptions(data, StoreSettings.Sqlite(data)) { Urls = ["http://127.0.0.1:0"], RunScheduler = false });
        await fresh.StartAsync();
        try
        {
            using var client = new WebClient(new Uri(fresh.Urls.Single()));
            var html = await client.Http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
            Assert.Contains("ot user add NAME --role officer", html, StringComparison.Ordinal);

            var signedIn = await app.As(Users.Auditor);
            var existing = await signedIn.Http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
            Assert.DoesNotContain("ot user add", existing, StringComparison.Ordinal);
        }
        finally
        {
            await fresh.StopAsync();
            try
            {
                Directory.Delete(data, true);
            }
            catch (IOException)
            {
                // Left to the temp folder's cleaning.
            }
        }
    }
}
