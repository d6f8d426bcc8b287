using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Xunit;

namespace ObligationTracker.Web.Tests;

/// <summary>The search page and the regulation page it links to: grouped hits, facets that filter, bad queries in words, snippets encoded.</summary>
[Collection(WebAppCollection.Name)]
public sealed class SearchPageTests(WebAppFixture app)
{
    [Fact]
    public async Task IssuerFilter_RegulationOfANewIssuerUploaded_OfferedOnTheNextPage()
    {
        const string Issuer = "丙丁省地方金融管理局";
        using var browser = await app.BrowserLike(Users.Auditor);
        var (_, before) = await browser.Page("/search");
        var officer = await app.As(Users.Officer);
        var text = $"某类公司登记试行办法\n发文机关：{Issuer}\n\n第一条 为规范登记工作，制定本办法。\n\n第二条 本办法自2026年3月1日起施行。\n";

        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "issuer-choice-test.txt" } })
        using (var upload = await officer.Http.PostAsync(new Uri("/api/regulations", UriKind.Relative), form))
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var (_, after) = await browser.Page("/search");

        Assert.DoesNotContain(before.QuerySelectorAll<IHtmlOptionElement>("#f-issuer option"), o => o.Value == Issuer);
        Assert.Contains(after.QuerySelectorAll<IHtmlOptionElement>("#f-issuer option"), o => o.Value == Issuer);
    }

    [Fact]
    public async Task Search_MalformedQuery_Answers400WithTheMessageOnThePage()
    {
        using var client = await app.BrowserLike(Users.Auditor);

        var (status, page) = await client.Page("/search?q=" + Uri.EscapeDataString("\"监管评级"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("quotation mark", page.QuerySelector("#search-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("\"监管评级", page.QuerySelector<IHtmlInputElement>("#q")!.Value);
    }

    [Theory]
    [InlineData("金规〔2099〕977号 监管评级", ".unknown-number", ".unknown-title", "金规〔2099〕977号")]
    [InlineData("《示例不存在的管理办法》 监管评级", ".unknown-title", ".unknown-number", "示例不存在的管理办法")]
    public async Task Search_UnknownNumberOrName_SaidAboveTheResults(string query, string notice, string other, string named)
    {
        using var client = await app.BrowserLike(Users.Auditor);

        var (status, page) = await client.Page("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(named, Assert.Single(page.QuerySelectorAll(notice)).TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(other));
        Assert.NotEmpty(page.QuerySelectorAll(".hit-group")); // the other words still found articles
    }

    [Fact]
    public async Task Search_PagePastTheLast_SaysSoAndLinksToTheLast()
    {
        using var client = await app.BrowserLike(Users.Auditor);

        var (status, page) = await client.Page("/search?q=" + Uri.EscapeDataString("监管评级") + "&page=999");

        Assert.Equal(HttpStatusCode.OK, status);
        var note = page.QuerySelector("#past-last-page");
        Assert.NotNull(note);
        var last = note.QuerySelector<IHtmlAnchorElement>("a")!.GetAttribute("href")!;
        var (_, lastPage) = await client.Page(last);
        Assert.NotEmpty(lastPage.QuerySelectorAll(".hit-group")); // the link leads to the last page of hits
        Assert.Null(lastPage.QuerySelector("#past-last-page"));
    }

    [Fact]
    public async Task Search_BadYear_SaysWhichFieldIsWrong()
    {
        using var client = await app.BrowserLike(Users.Auditor);

        var (status, page) = await client.Page("/search?q=" + Uri.EscapeDataString("报告") + "&yearFrom=abc");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("起始年份", page.QuerySelector("#search-problem")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Hits_GroupedByRegulationEachLinkingToItsArticleAnchor()
    {
        using var client = await app.BrowserLike(Users.Own);

        var (status, page) = await client.Page("/search?q=" + Uri.EscapeDataString("消费金融公司 监管评级"));

        Assert.Equal(HttpStatusCode.OK, status);
        var first = page.QuerySelector(".hit-group")!;
        Assert.Equal("消费金融公司监管评级办法", first.QuerySelector("h2")!.TextContent.Trim());
        var titles = page.QuerySelectorAll(".hit-group h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(titles.Distinct().Count(), titles.Count);
        var link = first.QuerySelector<IHtmlAnchorElement>(".hit a.article-link")!.GetAttribute("href")!;
        Assert.Matches(@"^/regulations/\d+#art-\d+$", link);
        Assert.NotNull(first.QuerySelector(".snippet em"));

        var (regulationStatus, regulation) = await client.Page(link.Split('#')[0]);
        Assert.Equal(HttpStatusCode.OK, regulationStatus);
        Assert.NotNull(regulation.GetElementById(link.Split('#')[1]));
    }

    [Fact]
    public async Task Search_ModalityFacet_IsALinkThatFiltersToItsCount()
    {
        using var client = await app.BrowserLike(Users.Auditor);
        var (_, page) = await client.Page("/search?q=" + Uri.EscapeDataString("报告"));
        var facet = page.QuerySelectorAll(".facet[data-facet=modality] li").Single(li => li.QuerySelector("a")!.TextContent == "禁止");
        var count = int.Parse(facet.QuerySelector(".count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

        var (status, filtered) = await client.Page(facet.QuerySelector("a")!.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), filtered.QuerySelector("#result-summary strong")!.TextContent);
        Assert.True(filtered.QuerySelector<IHtmlInputElement>("input[name=modality][value=prohibition]")!.IsChecked);
        Assert.Equal(["禁止"], filtered.QuerySelectorAll(".facet[data-facet=modality] li a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Search_DocumentTextWithMarkup_SnippetShowsItAsTextWithOnlyTheHighlightAsHtml()
    {
        var word = "防注入测试" + Guid.NewGuid().ToString("N")[..6];
        var officer = await app.As(Users.Officer);
        var text = $"标记测试办法{Guid.NewGuid():N}\n\n第一条 {word}要求：<img src=x onerror=alert(1)><script>alert(2)</script>不得执行。\n";
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", $"markup-{Guid.NewGuid():N}.txt" } })
        using (var upload = await officer.Http.PostAsync(new Uri("/api/regulations", UriKind.Relative), form))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        using var client = await app.BrowserLike(Users.Auditor);
        var (_, page) = await client.Page("/search?q=" + Uri.EscapeDataString(word));

        var snippet = Assert.Single(page.QuerySelectorAll(".snippet"));
        Assert.Empty(snippet.QuerySelectorAll("img, script"));
        Assert.Contains("<img src=x onerror=alert(1)>", snippet.TextContent, StringComparison.Ordinal);
        Assert.Equal(["em"], snippet.Children.Select(c => c.LocalName).Distinct());
    }

    [Fact]
    public async Task Regulation_ProvisionsMarkedByModalityWithAddresseesAndDeadline()
    {
        using var client = await app.BrowserLike(Users.Auditor);
        var (_, list) = await client.Page("/regulations");
        var href = list.QuerySelectorAll<IHtmlAnchorElement>("#regulations a").First(a => a.TextContent == "消费金融公司监管评级办法").GetAttribute("href")!;

        var (status, page) = await client.Page(href);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("金规〔2026〕5号", page.QuerySelector("#reg-docnum")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("h2.chapter"), h => h.TextContent.StartsWith("第三章", StringComparison.Ordinal));
        // 第十一条: 消费金融公司应当于每年4月30日前…报送 — an obligation of consumer finance companies, due yearly by 04-30.
        var eleven = page.GetElementById("art-11")!;
        Assert.NotNull(eleven.QuerySelector("mark.prov.m-obligation"));
        var row = eleven.QuerySelector("tr.provision")!;
        Assert.Equal("义务", row.QuerySelector(".modality")!.TextContent);
        Assert.Contains("消费金融公司", row.QuerySelector(".who")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("04-30", row.QuerySelector(".deadline")!.TextContent, StringComparison.Ordinal);
        // 第十条: …不得评为2级及以上 — a prohibition.
        Assert.Equal("禁止", page.GetElementById("art-10")!.QuerySelector("tr.provision .modality")!.TextContent);
    }

    [Fact]
    public async Task Regulation_UnknownId_Is404PageInWords()
    {
        using var client = await app.BrowserLike(Users.Auditor);

        var (status, page) = await client.Page("/regulations/999999");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("未找到", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}
