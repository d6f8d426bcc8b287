using System.Net;
using Xunit;

namespace ObligationTracker.Web.Tests;

/// <summary>
/// Password guessing is slowed: 5 failed sign-ins for one name within 15 minutes lock that name for 15 minutes, 20 from
/// one client address lock the address; refused with 429 and Retry-After, alike for names that exist and names that do
/// not. Each test runs an app of its own, whose clock it moves.
/// </summary>
public sealed class SignInThrottleTests
{
    private const string Wrong = "not-the-password";

    [Fact]
    public async Task SignIn_AfterFiveFailures_RefusedWith429AndRetryAfterEvenWithTheRightPassword()
    {
        await using var app = await LoneApp.Start();
        using var client = app.Client();
        var failures = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await LoneApp.SignIn(client, LoneApp.Officer, Wrong);
            failures.Add(failed.StatusCode);
        }

        using var response = await LoneApp.SignIn(client, LoneApp.Officer, LoneApp.Password);

        Assert.All(failures, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), response.Headers.RetryAfter?.Delta);
        Assert.Contains("Too many failed sign-ins: try again in 15 minutes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(client.Cookies, c => c.Name == "ot.auth");
    }

    [Fact]
    public async Task SignIn_UnknownName_IsLockedOutExactlyLikeAKnownOne()
    {
        await using var app = await LoneApp.Start();
        using var client = app.Client();

        var known = await Attempts(client, LoneApp.Officer);
        var unknown = await Attempts(client, "nobody-here");

        Assert.Equal(HttpStatusCode.TooManyRequests, known[^1].Status);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task SignIn_LockedOut_SignsInOnceTheLockoutHasPassed()
    {
        await using var app = await LoneApp.Start();
        using var client = app.Client();
        for (var i = 0; i < 5; i++) (await LoneApp.SignIn(client, LoneApp.Officer, Wrong)).Dispose();

        app.Clock.Advance(TimeSpan.FromMinutes(14));
        using var stillLocked = await LoneApp.SignIn(client, LoneApp.Officer, LoneApp.Password);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var after = await LoneApp.SignIn(client, LoneApp.Officer, LoneApp.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), stillLocked.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task SignIn_SuccessInBetween_StartsTheNamesCountAgain()
    {
        await using var app = await LoneApp.Start();
        using var client = app.Client();
        for (var i = 0; i < 4; i++) (await LoneApp.SignIn(client, LoneApp.Officer, Wrong)).Dispose();
        using var success = await LoneApp.SignIn(client, LoneApp.Officer, LoneApp.Password);
        var failures = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var failed = await LoneApp.SignIn(client, LoneApp.Officer, Wrong);
            failures.Add(failed.StatusCode);
        }

        using var again = await LoneApp.SignIn(client, LoneApp.Officer, LoneApp.Password);

        Assert.Equal(HttpStatusCode.Redirect, success.StatusCode);
        Assert.All(failures, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task SignIn_TwentyNamesTriedFromOneAddress_LocksThatAddressNotTheOthers()
    {
        await using var app = await LoneApp.Start();
        using var client = app.Client();
        for (var i = 0; i < 20; i++) (await LoneApp.SignIn(client, $"guess-{i}", Wrong, forwardedFor: "203.0.113.5")).Dispose();

        using var fromThere = await LoneApp.SignIn(client, LoneApp.Officer, LoneApp.Password, forwardedFor: "203.0.113.5");
        using var fromElsewhere = await LoneApp.SignIn(client, LoneApp.Officer, LoneApp.Password, forwardedFor: "203.0.113.6");

        Assert.Equal(HttpStatusCode.TooManyRequests, fromThere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, fromElsewhere.StatusCode);
    }

    [Fact]
    public async Task SignIn_PostedToAnotherSpellingOfThePath_CountsAlike()
    {
        await using var app = await LoneApp.Start();
        using var client = app.Client();
        var failures = new List<HttpStatusCode>();
        foreach (var path in new[] { "/Account/Login", "/account/login/", "/ACCOUNT/LOGIN", "/Account/Login/", "/account/Login" })
        {
            using var failed = await LoneApp.SignIn(client, LoneApp.Officer, Wrong, path: path);
            failures.Add(failed.StatusCode);
        }

        using var response = await LoneApp.SignIn(client, LoneApp.Officer, LoneApp.Password);

        Assert.All(failures, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_LockedOutOnOneNode_RefusedByAnotherNodeOnTheSameStore()
    {
        await using var first = await LoneApp.Start();
        await using var second = await first.SecondNode();
        using var client = first.Client();
        for (var i = 0; i < 5; i++) (await LoneApp.SignIn(client, LoneApp.Officer, Wrong)).Dispose();
        using var other = second.Client();

        using var response = await LoneApp.SignIn(other, LoneApp.Officer, LoneApp.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    /// <summary>Six wrong passwords for <paramref name="name"/>, each attempt's status, Retry-After and body.</summary>
    private static async Task<List<(HttpStatusCode Status, TimeSpan? RetryAfter, string Body)>> Attempts(WebClient client, string name)
    {
        var list = new List<(HttpStatusCode, TimeSpan?, string)>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await LoneApp.SignIn(client, name, Wrong);
            var body = await response.Content.ReadAsStringAsync();
            // The sign-in page repeats the name typed and carries a fresh anti-forgery token: those alone may differ.
            body = System.Text.RegularExpressions.Regex.Replace(body.Replace(name, "NAME", StringComparison.Ordinal), "value=\"CfDJ8[^\"]+\"", "value=\"TOKEN\"");
            list.Add((response.StatusCode, response.Headers.RetryAfter?.Delta, body));
        }

        return list;
    }
}
