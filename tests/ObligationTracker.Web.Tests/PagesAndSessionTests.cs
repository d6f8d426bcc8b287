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
        Assert.Equal(["q", "type", "issuer", "modality", "status", "yearFrom", "yearTo", "page", "size", "level"], parameters);
    }

    [Fact]
    public async Task SignIn_BehindTlsProxy_CookieIsSecure()
    {
        // The test talks plain HTTP, so the form's anti-forgery cookie is fetched without the header (a Secure cookie
        // would not be sent back over HTTP); the sign-in post itself arrives "through the proxy".
        using var client = await app.Client(null);
        var token = await client.FormToken("/account/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = Users.Auditor, ["password"] = WebAppFixture.Password, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ot.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_OnOneNode_CookieIsAcceptedByAnotherNodeOnTheSameStore()
    {
        var otherData = Path.Combine(Path.GetTempPath(), "ot-web-node2-" + Guid.NewGuid().ToString("N"));
        await using var second = WebHost.Build(new WebOptions(otherData, app.Store) { Urls = ["http://127.0.0.1:0"], RunScheduler = false, Clock = app.Clock });
        await second.StartAsync();
        try
        {
            using var first = await app.Client(Users.Auditor);
            using var other = new WebClient(new Uri(second.Urls.Single()));
            foreach (System.Net.Cookie c in first.Cookies) other.AddCookie(new System.Net.Cookie(c.Name, c.Value, "/", other.Http.BaseAddress!.Host));

            var me = await other.GetJson("/api/me");

            Assert.Equal(Users.Auditor, me.GetProperty("name").GetString());
        }
        finally
        {
            await second.StopAsync();
            TryDelete(otherData);
        }
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
            TryDelete(data);
        }
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        using var client = await app.Client(null);

        using var response = await client.Get("/account/login");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, true);
        }
        catch (IOException)
        {
            // Left to the temp folder's cleaning.
        }
    }
}
