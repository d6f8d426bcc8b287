using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace ObligationTracker.Cli.Tests.Web;

/// <summary>An HTTP client of one web app with its own cookies: signs in through the form, then searches through the API.</summary>
internal sealed partial class SignedInClient : IDisposable
{
    private readonly HttpClientHandler _handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };

    public SignedInClient(Uri baseAddress) => Http = new HttpClient(_handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public HttpClient Http { get; }

    /// <summary>Signs in through the form (its anti-forgery field, then the post); the cookie stays in this client.</summary>
    public async Task SignIn(string name, string password)
    {
        var form = await Http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name, ["password"] = password, ["__RequestVerificationToken"] = token });
        using var response = await Http.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"signing in answered {(int)response.StatusCode}");
    }

    /// <summary>The hits of GET /api/search?q=…; fails the test on any other answer than 200.</summary>
    public async Task<List<JsonElement>> Hits(string query)
    {
        using var response = await Http.GetAsync(new Uri($"/api/search?q={Uri.EscapeDataString(query)}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"search answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.Clone())];
    }

    /// <summary>Searches until <paramref name="done"/> holds, polling; fails after <paramref name="deadline"/> with <paramref name="log"/>.</summary>
    public async Task<List<JsonElement>> Eventually(string query, Func<List<JsonElement>, bool> done, TimeSpan deadline, Func<string>? log = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var hits = await Hits(query);
            if (done(hits)) return hits;
            Assert.True(watch.Elapsed < deadline, $"not seen on {Http.BaseAddress} within {deadline.TotalSeconds} s{(log is null ? "" : "; its log:\n" + log())}");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
