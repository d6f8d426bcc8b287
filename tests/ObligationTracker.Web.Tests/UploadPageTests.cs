using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Xunit;

namespace ObligationTracker.Web.Tests;

/// <summary>The upload page: what was stored and its diagnostics with file and place; a wrong type, an oversized file or a missing token refused in words.</summary>
[Collection(WebAppCollection.Name)]
public sealed class UploadPageTests(WebAppFixture app)
{
    [Fact]
    public async Task Upload_NewRegulationWithoutArticles_ShowsStoredAndTheWarningWithItsPlace()
    {
        using var client = await app.BrowserLike(Users.Officer);
        var name = $"无条文通知{Guid.NewGuid():N}.txt";
        var text = $"关于做好测试工作的通知{Guid.NewGuid():N}\n\n各消费金融公司：请认真做好测试工作。\n";

        using var response = await Post(client, name, Encoding.UTF8.GetBytes(text), withToken: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageHtml.Parse(response);
        Assert.Equal("stored", page.QuerySelector("#upload-outcome")!.GetAttribute("data-status"));
        Assert.StartsWith("/regulations/", page.QuerySelector<IHtmlAnchorElement>("#uploaded-regulation")!.GetAttribute("href"), StringComparison.Ordinal);
        var warning = Assert.Single(page.QuerySelectorAll("#diagnostics tbody tr"), r => r.QuerySelector("code")!.TextContent == "OT0101");
        Assert.StartsWith(name, warning.QuerySelector(".place")!.TextContent, StringComparison.Ordinal);

        using var again = await Post(client, name, Encoding.UTF8.GetBytes(text), withToken: true);
        Assert.Equal("unchanged", (await PageHtml.Parse(again)).QuerySelector("#upload-outcome")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task Upload_TextNamedPdf_Is415WithTheReasonOnThePage()
    {
        using var client = await app.BrowserLike(Users.Officer);

        using var response = await Post(client, "伪装.pdf", Encoding.UTF8.GetBytes("第一条 这不是PDF。"), withToken: true);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("文件类型不受支持", (await PageHtml.Parse(response)).QuerySelector("#upload-problem")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OverTheLimit_Is413WithTheLimitOnThePage()
    {
        using var client = await app.BrowserLike(Users.Officer);

        using var response = await Post(client, "过大.txt", new byte[WebAppFixture.MaxUploadBytes + 200 * 1024], withToken: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("2 MB", (await PageHtml.Parse(response)).QuerySelector("#upload-problem")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutToken_Is400AndStoresNothing()
    {
        using var client = await app.BrowserLike(Users.Officer);
        var title = $"无令牌办法{Guid.NewGuid():N}";

        using var response = await Post(client, $"{title}.txt", Encoding.UTF8.GetBytes($"{title}\n\n第一条 消费金融公司应当报告。\n"), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (_, list) = await client.Page("/regulations");
        Assert.DoesNotContain(title, list.QuerySelector("#regulations")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> Post(WebClient client, string name, byte[] bytes, bool withToken)
    {
        var (_, page) = await client.Page("/upload");
        using var form = new MultipartFormDataContent();
        if (withToken) form.Add(new StringContent(PageHtml.Fields(page.QuerySelector("#upload-form")!)["__RequestVerificationToken"]), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(bytes), "file", name);
        return await client.Http.PostAsync(new Uri("/upload", UriKind.Relative), form);
    }
}
