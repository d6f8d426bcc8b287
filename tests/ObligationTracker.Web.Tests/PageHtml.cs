using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ObligationTracker.Web.Tests;

/// <summary>Pages as a browser reads them: the status and the parsed document, and forms filled from what the page holds.</summary>
public static class PageHtml
{
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public static async Task<(HttpStatusCode Status, IHtmlDocument Document)> Page(this WebClient client, string path)
    {
        using var response = await client.Get(path);
        return (response.StatusCode, await Parse(response));
    }

    public static async Task<IHtmlDocument> Parse(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>The fields a browser would send for <paramref name="form"/> (hidden token included), with <paramref name="changes"/> applied.</summary>
    public static Dictionary<string, string> Fields(IElement form, IReadOnlyDictionary<string, string>? changes = null)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
            if (input.Type == "file") continue;
            fields[input.Name!] = input.Value;
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]")) fields[select.Name!] = select.Value ?? "";
        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]")) fields[area.Name!] = area.Value;
        foreach (var (name, value) in changes ?? new Dictionary<string, string>()) fields[name] = value;
        return fields;
    }

    /// <summary>A client signed in as <paramref name="user"/> that sends no anti-forgery header, as a browser posting a form does not.</summary>
    public static async Task<WebClient> BrowserLike(this WebAppFixture app, string user)
    {
        var client = await app.Client(user);
        client.Http.DefaultRequestHeaders.Remove(AntiforgeryHeader);
        return client;
    }

    /// <summary>Posts <paramref name="fields"/> form-encoded to <paramref name="path"/>.</summary>
    public static async Task<HttpResponseMessage> PostForm(this WebClient client, string path, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
