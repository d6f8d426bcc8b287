using System.Net;
using Xunit;

namespace ObligationTracker.Web.Tests;

[Collection(WebAppCollection.Name)]
public sealed class SignInTests(WebAppFixture app)
{
    [Fact]
    public async Task SignIn_RightPassword_CookieIsHttpOnlyAndApiKnowsTheRole()
    {
        using var client = await app.Client(null);
        using var response = await client.PostLogin(Users.Auditor, WebAppFixture.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ot.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await client.GetJson("/api/me");
        Assert.Equal(Users.Auditor, me.GetProperty("name").GetString());
        Assert.Equal("auditor", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task SignIn_WrongPassword_NoCookieAndApiStays401()
    {
        using var client = await app.Client(null);
        using var response = await client.PostLogin(Users.Officer, "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(client.Cookies, c => c.Name == "ot.auth");
        using var me = await client.Get("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_IsRefused()
    {
        using var client = await app.Client(null);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = Users.Officer, ["password"] = WebAppFixture.Password });
        using var response = await client.Http.PostAsync(new Uri("/account/login", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(client.Cookies, c => c.Name == "ot.auth");
    }

    [Fact]
    public async Task Search_SignedIn_FindsAnIngestedSampleWithItsStoreId()
    {
        using var client = await app.Client(Users.Own);
        var result = await client.GetJson("/api/search?q=" + Uri.EscapeDataString("消费金融公司 监管评级"));

        var hit = result.GetProperty("hits")[0];
        Assert.Equal("nfra_consumer_finance_rating_measures_2026.md", hit.GetProperty("file").GetString());
        Assert.True(hit.GetProperty("regulationId").GetInt64() > 0);
        Assert.Contains("<em>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }
}
