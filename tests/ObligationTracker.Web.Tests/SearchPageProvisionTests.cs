using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Xunit;

namespace ObligationTracker.Web.Tests;

/// <summary>The search page with level=provision: one hit per provision with its modality, addressees and deadline kind; the level kept by links.</summary>
[Collection(WebAppCollection.Name)]
public sealed class SearchPageProvisionTests(WebAppFixture app)
{
    [Fact]
    public async Task ProvisionLevel_Hit_ShowsModalityAddresseesAndDeadlineKindAndLinksToItsArticle()
    {
        using var client = await app.BrowserLike(Users.Auditor);

        var (status, page) = await client.Page("/search?level=provision&q=" + Uri.EscapeDataString("自评报告"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#f-level input[value=provision]")!.IsChecked);
        Assert.Contains("义务条款", page.QuerySelector("#result-summary")!.TextContent, StringComparison.Ordinal);
        var hits = page.QuerySelectorAll("li.hit");
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Contains("provision-hit", h.ClassList));
        // 消费金融公司监管评级办法 第十一条: 消费金融公司应当于每年4月30日前…报送上一年度自评报告 — yearly, binding consumer finance companies.
        var group = page.QuerySelectorAll(".hit-group").Single(g => g.QuerySelector("h2")!.TextContent.Trim() == "消费金融公司监管评级办法");
        var eleven = group.QuerySelectorAll("li.hit").Single(h => h.QuerySelector<IHtmlAnchorElement>("a.article-link")!.GetAttribute("href")!.EndsWith("#art-11", StringComparison.Ordinal));
        var modality = eleven.QuerySelector(".modality")!;
        Assert.Equal("义务", modality.TextContent);
        Assert.Contains("m-obligation", modality.ClassList);
        Assert.Equal("适用：消费金融公司", eleven.QuerySelector(".who")!.TextContent);
        Assert.Equal("定期", eleven.QuerySelector(".deadline-kind")!.TextContent);
        Assert.NotNull(eleven.QuerySelector(".snippet em"));
    }

    [Fact]
    public async Task ArticleLevel_Hits_HaveNoProvisionParticulars()
    {
        using var client = await app.BrowserLike(Users.Auditor);

        var (status, page) = await client.Page("/search?q=" + Uri.EscapeDataString("自评报告"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#f-level input[value=article]")!.IsChecked);
        Assert.NotEmpty(page.QuerySelectorAll("li.hit"));
        Assert.Empty(page.QuerySelectorAll("li.hit .modality, .provision-meta, .provision-hit"));
    }

    [Fact]
    public async Task ProvisionLevel_ModalityFacetLink_KeepsTheLevelAndFiltersEachProvision()
    {
        using var client = await app.BrowserLike(Users.Auditor);
        var (_, page) = await client.Page("/search?level=provision&q=" + Uri.EscapeDataString("报送"));
        var facet = page.QuerySelectorAll(".facet[data-facet=modality] li").Single(li => li.QuerySelector("a")!.TextContent == "许可");
        var count = facet.QuerySelector(".count")!.TextContent;
        var href = facet.QuerySelector("a")!.GetAttribute("href")!;

        var (status, filtered) = await client.Page(href);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("level=provision", href, StringComparison.Ordinal);
        Assert.True(filtered.QuerySelector<IHtmlInputElement>("#f-level input[value=provision]")!.IsChecked);
        Assert.Equal(count, filtered.QuerySelector("#result-summary strong")!.TextContent);
        var modalities = filtered.QuerySelectorAll("li.provision-hit .modality").Select(m => m.TextContent).ToList();
        Assert.Equal(int.Parse(count, CultureInfo.InvariantCulture), modalities.Count);
        Assert.All(modalities, m => Assert.Equal("许可", m));
    }

    [Fact]
    public async Task ProvisionLevel_NextPageLink_KeepsTheLevel()
    {
        using var client = await app.BrowserLike(Users.Auditor);
        var (_, first) = await client.Page("/search?level=provision&q=" + Uri.EscapeDataString("报送"));
        var total = int.Parse(first.QuerySelector("#result-summary strong")!.TextContent, CultureInfo.InvariantCulture);
        Assert.True(total > 10, $"报送 should find more than a page of provisions, found {total}.");
        var next = first.QuerySelector<IHtmlAnchorElement>(".pager a[rel=next]")!.GetAttribute("href")!;

        var (status, second) = await client.Page(next);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("level=provision", next, StringComparison.Ordinal);
        Assert.Equal("2", second.QuerySelector(".pager .current")!.TextContent);
        Assert.True(second.QuerySelector<IHtmlInputElement>("#f-level input[value=provision]")!.IsChecked);
        var hits = second.QuerySelectorAll("li.hit");
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.NotNull(h.QuerySelector(".provision-meta .who")));
        var keysOne = first.QuerySelectorAll("li.hit").Select(h => h.GetAttribute("data-provision")).ToList();
        Assert.Empty(hits.Select(h => h.GetAttribute("data-provision")).Intersect(keysOne));
    }

    [Fact]
    public async Task ProvisionLevel_ManyAddressees_FirstThreeAndTheCountWithAllInTheTitle()
    {
        var word = "长名单测试" + Guid.NewGuid().ToString("N")[..6];
        string[] types = ["商业银行", "保险公司", "证券公司", "信托公司", "金融租赁公司", "消费金融公司"];
        var text = $"多类机构报送试行办法{Guid.NewGuid():N}\n\n第一条 {string.Join("、", types)}应当于每年1月31日前报送{word}报告。\n\n第二条 本办法自2026年3月1日起施行。\n";
        var officer = await app.As(Users.Officer);
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", $"many-types-{Guid.NewGuid():N}.txt" } })
        using (var upload = await officer.Http.PostAsync(new Uri("/api/regulations", UriKind.Relative), form))
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        using var client = await app.BrowserLike(Users.Auditor);

        var (_, page) = await client.Page("/search?level=provision&q=" + Uri.EscapeDataString(word));

        var who = Assert.Single(page.QuerySelectorAll("li.provision-hit .who"));
        var shown = who.TextContent["适用：".Length..];
        Assert.EndsWith("等6类", shown, StringComparison.Ordinal);
        var named = shown[..^"等6类".Length].Split('、');
        Assert.Equal(3, named.Length);
        Assert.All(named, n => Assert.Contains(n, types));
        Assert.Equal(types.Order(StringComparer.Ordinal), who.GetAttribute("title")!.Split('、').Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UnknownLevel_Answers400WithTheMessageOnThePage()
    {
        using var client = await app.BrowserLike(Users.Auditor);

        var (status, page) = await client.Page("/search?level=clause&q=" + Uri.EscapeDataString("报告"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problem = page.QuerySelector("#search-problem")!.TextContent;
        Assert.Contains("clause", problem, StringComparison.Ordinal);
        Assert.Contains("provision", problem, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("li.hit"));
    }
}
