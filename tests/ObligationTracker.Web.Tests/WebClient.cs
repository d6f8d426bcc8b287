using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ObligationTracker.Web.Tests;

/// <summary>An HTTP client with its own cookies, as a browser or script would be: signs in through the form, then carries the anti-forgery header.</summary>
public sealed partial class WebClient : IDisposable
{
    private readonly HttpClientHandler _handler;

    public WebClient(Uri baseAddress)
    {
        _handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        Http = new HttpClient(_handler) { BaseAddress = baseAddress };
    }

    public HttpClient Http { get; }

    public CookieCollection Cookies => _handler.CookieContainer.GetAllCookies();

    public void AddCookie(Cookie cookie) => _handler.CookieContainer.Add(cookie);

    /// <summary>GET the sign-in form, post it with its anti-forgery token, and take the API token from /api/me.</summary>
    public async Task SignIn(string name, string password)
    {
        var response = await PostLogin(name, password);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Signing in as {name} answered {(int)response.StatusCode}.");
        using var me = JsonDocument.Parse(await Http.GetStringAsync(new Uri("/api/me", UriKind.Relative)));
        Http.DefaultRequestHeaders.Remove(me.RootElement.GetProperty("antiforgeryHeader").GetString()!);
        Http.DefaultRequestHeaders.Add(me.RootElement.GetProperty("antiforgeryHeader").GetString()!, me.RootElement.GetProperty("antiforgeryToken").GetString());
    }

    public async Task<HttpResponseMessage> PostLogin(string name, string password)
    {
        var token = await FormToken("/account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name, ["password"] = password, ["__RequestVerificationToken"] = token,
        });
        return await Http.PostAsync(new Uri("/account/login", UriKind.Relative), form);
    }

    /// <summary>The hidden anti-forgery field of the form on <paramref name="page"/>.</summary>
    public async Task<string> FormToken(string page)
    {
        var html = await Http.GetStringAsync(new Uri(page, UriKind.Relative));
        var match = TokenField().Match(html);
        if (!match.Success) throw new InvalidOperationException($"{page} has no anti-forgery field.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public Task<HttpResponseMessage> Get(string path) => Http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<JsonElement> GetJson(string path)
    {
        using var response = await Get(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    public Task<HttpResponseMessage> PutJson<T>(string path, T body) => Http.PutAsJsonAsync(new Uri(path, UriKind.Relative), body);

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
