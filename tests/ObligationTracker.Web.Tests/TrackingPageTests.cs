using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Xunit;

namespace ObligationTracker.Web.Tests;

/// <summary>
/// The dashboard and the obligation page: the tracking form as a browser posts it (its anti-forgery token from the
/// page), what a post without the token gets, read-only views for auditors, and text shown encoded.
/// </summary>
/// <remarks>Changes are made on the trust company (signed in as the officer) so the API tests' institution stays as they expect.</remarks>
[Collection(WebAppCollection.Name)]
public sealed class TrackingPageTests(WebAppFixture app)
{
    private string Dashboard => $"/institutions/{app.OtherInstitution}";

    [Fact]
    public async Task TrackingForm_PostedWithItsToken_StatusShowsOnTheDashboardWithTheChangeInHistory()
    {
        using var client = await app.BrowserLike(Users.Officer);
        var obligation = await PendingObligation(client);
        var page = $"{Dashboard}/obligations/{obligation}";
        var (_, before) = await client.Page(page);
        var form = before.QuerySelector("#tracking-form")!;

        using var response = await client.PostForm(page, PageHtml.Fields(form, new Dictionary<string, string> { ["status"] = "in-progress", ["owner"] = "合规部 赵六" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (status, after) = await client.Page(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(after.QuerySelector("#saved"));
        Assert.Equal("进行中", after.QuerySelector("#current-status")!.TextContent.Trim());
        Assert.Contains(after.QuerySelectorAll("#history tbody tr"), r => Cells(r) is [_, "web:olivia", "状态", "待评估", "进行中"]);

        var (_, dashboard) = await client.Page(Dashboard);
        var row = dashboard.QuerySelector($"#group-in-progress #ob-{obligation}");
        Assert.NotNull(row);
        Assert.Contains("合规部 赵六", row.QuerySelector(".owner")!.TextContent, StringComparison.Ordinal);
        Assert.Null(dashboard.QuerySelector($"#group-pending #ob-{obligation}"));
        Assert.Contains(dashboard.QuerySelectorAll("#changes tbody tr"), r => Cells(r) is [_, "web:olivia", _, "状态", "待评估", "进行中"]);
    }

    [Fact]
    public async Task Dashboard_ReadThenTrackingUpdated_ShowsTheUpdateOnTheNextRead()
    {
        using var client = await app.BrowserLike(Users.Officer);
        var obligation = await PendingObligation(client);
        var (_, before) = await client.Page(Dashboard);
        Assert.NotNull(before.QuerySelector($"#group-pending #ob-{obligation}"));
        using var api = await app.Client(Users.Officer);

        using (var put = await api.PutJson($"/api/institutions/{app.OtherInstitution}/tracking/{obligation}", new { status = "compliant", owner = "合规部 吴十" }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var (_, after) = await client.Page(Dashboard);
        var row = after.QuerySelector($"#group-compliant #ob-{obligation}");
        Assert.NotNull(row);
        Assert.Equal("合规部 吴十", row.QuerySelector(".owner")!.TextContent.Trim());
        Assert.Null(after.QuerySelector($"#group-pending #ob-{obligation}"));
    }

    [Fact]
    public async Task TrackingForm_PostedWithoutToken_Is400AndChangesNothing()
    {
        using var client = await app.BrowserLike(Users.Officer);
        var obligation = await PendingObligation(client);
        var page = $"{Dashboard}/obligations/{obligation}";
        var (_, before) = await client.Page(page);
        var fields = PageHtml.Fields(before.QuerySelector("#tracking-form")!, new Dictionary<string, string> { ["status"] = "compliant" });
        fields.Remove("__RequestVerificationToken");

        using var response = await client.PostForm(page, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("防伪令牌", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (_, after) = await client.Page(page);
        Assert.Equal("待评估", after.QuerySelector("#current-status")!.TextContent.Trim());
        Assert.Empty(after.QuerySelectorAll("#history tbody tr"));
    }

    [Fact]
    public async Task EvidenceForm_PostedWithoutToken_Is400AndAddsNothing()
    {
        using var client = await app.BrowserLike(Users.Officer);
        var obligation = await PendingObligation(client);
        using var form = new MultipartFormDataContent { { new StringContent("https://intra.example.cn/no-token"), "url" } };

        using var response = await client.Http.PostAsync(new Uri($"{Dashboard}/obligations/{obligation}/evidence", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (_, after) = await client.Page($"{Dashboard}/obligations/{obligation}");
        Assert.Empty(after.QuerySelectorAll("#evidence li"));
    }

    [Fact]
    public async Task TrackingForm_OwnerNotesAndDueDateEmptied_ClearsThemAndRecordsOnlyThoseChanges()
    {
        using var client = await app.BrowserLike(Users.Officer);
        var page = $"{Dashboard}/obligations/{await PendingObligation(client)}";
        var (_, first) = await client.Page(page);
        using (var set = await client.PostForm(page, PageHtml.Fields(first.QuerySelector("#tracking-form")!,
            new Dictionary<string, string> { ["owner"] = "合规部 钱七", ["notes"] = "待董事会审议", ["dueDate"] = "2026-12-31" })))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        var (_, filled) = await client.Page(page);
        var changesBefore = filled.QuerySelectorAll("#history tbody tr").Length;

        using var response = await client.PostForm(page, PageHtml.Fields(filled.QuerySelector("#tracking-form")!,
            new Dictionary<string, string> { ["owner"] = "", ["notes"] = "", ["dueDate"] = "" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, after) = await client.Page(page);
        Assert.Equal("", after.QuerySelector<IHtmlInputElement>("#owner")!.Value);
        Assert.Equal("", after.QuerySelector<IHtmlTextAreaElement>("#notes")!.Value);
        Assert.Equal("", after.QuerySelector<IHtmlInputElement>("#dueDate")!.Value);
        var rows = after.QuerySelectorAll("#history tbody tr").Take(after.QuerySelectorAll("#history tbody tr").Length - changesBefore).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("", r.QuerySelector("td.new")!.TextContent));
    }

    [Fact]
    public async Task TrackingForm_PostedUnchanged_RecordsNothing()
    {
        using var client = await app.BrowserLike(Users.Officer);
        var page = $"{Dashboard}/obligations/{await PendingObligation(client)}";
        var (_, first) = await client.Page(page);
        using (var set = await client.PostForm(page, PageHtml.Fields(first.QuerySelector("#tracking-form")!, new Dictionary<string, string> { ["owner"] = "合规部 孙八" })))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        var (_, filled) = await client.Page(page);
        var changes = filled.QuerySelectorAll("#history tbody tr").Length;

        using var response = await client.PostForm(page, PageHtml.Fields(filled.QuerySelector("#tracking-form")!));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, after) = await client.Page(page);
        Assert.Equal(changes, after.QuerySelectorAll("#history tbody tr").Length);
        Assert.Equal("合规部 孙八", after.QuerySelector<IHtmlInputElement>("#owner")!.Value);
    }

    [Fact]
    public async Task TrackingForm_BlankOwnerWithoutTheShownValue_LeavesTheOwner()
    {
        // A script posting only some fields (no was.owner) does not empty what it left blank.
        using var client = await app.BrowserLike(Users.Officer);
        var page = $"{Dashboard}/obligations/{await PendingObligation(client)}";
        var (_, first) = await client.Page(page);
        using (var set = await client.PostForm(page, PageHtml.Fields(first.QuerySelector("#tracking-form")!, new Dictionary<string, string> { ["owner"] = "合规部 周九" })))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        var (_, filled) = await client.Page(page);
        var fields = PageHtml.Fields(filled.QuerySelector("#tracking-form")!, new Dictionary<string, string> { ["owner"] = "", ["status"] = "in-progress" });
        fields.Remove("was.owner");

        using var response = await client.PostForm(page, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, after) = await client.Page(page);
        Assert.Equal("合规部 周九", after.QuerySelector<IHtmlInputElement>("#owner")!.Value);
    }

    [Fact]
    public async Task ObligationPage_FileEvidence_LinksToItsDownload()
    {
        using var client = await app.BrowserLike(Users.Auditor);
        var (_, page) = await client.Page($"/institutions/{app.OwnInstitution}/obligations/{app.MatrixObligation}");

        var link = page.QuerySelectorAll<IHtmlAnchorElement>("#evidence li a.file").Single(a => a.TextContent.EndsWith("matrix.txt", StringComparison.Ordinal));
        using var response = await client.Get(link.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("矩阵测试证据", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EvidenceForm_Link_IsListedOnTheObligationPage()
    {
        using var client = await app.BrowserLike(Users.Officer);
        var obligation = await PendingObligation(client);
        var page = $"{Dashboard}/obligations/{obligation}";

        using var response = await PostEvidence(client, page, form => form.Add(new StringContent("https://intra.example.cn/board-minutes"), "url"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, after) = await client.Page(response.Headers.Location!.OriginalString);
        var link = Assert.Single(after.QuerySelectorAll<IHtmlAnchorElement>("#evidence li a"));
        Assert.Equal("https://intra.example.cn/board-minutes", link.Href);
    }

    [Fact]
    public async Task EvidenceForm_EmptyFile_RefusedWithAMessageAndAddsNothing()
    {
        using var client = await app.BrowserLike(Users.Officer);
        var obligation = await PendingObligation(client);
        var page = $"{Dashboard}/obligations/{obligation}";

        using var response = await PostEvidence(client, page, form =>
        {
            form.Add(new StringContent(""), "url");
            form.Add(new ByteArrayContent([]), "file", "board-minutes.pdf");
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("空", (await PageHtml.Parse(response)).QuerySelector("#problem")!.TextContent, StringComparison.Ordinal);
        var (_, after) = await client.Page(page);
        Assert.Empty(after.QuerySelectorAll("#evidence li"));
    }

    [Fact]
    public async Task EvidenceForm_LinkWithNoFileChosen_AddsTheLink()
    {
        // A browser sends the file input with an empty name and no bytes when nothing was chosen: that is no file, not an empty one.
        using var client = await app.BrowserLike(Users.Officer);
        var obligation = await PendingObligation(client);
        var page = $"{Dashboard}/obligations/{obligation}";
        var nothingChosen = new ByteArrayContent([]);
        nothingChosen.Headers.ContentDisposition = System.Net.Http.Headers.ContentDispositionHeaderValue.Parse("form-data; name=\"file\"; filename=\"\"");
        nothingChosen.Headers.ContentType = new("application/octet-stream");

        using var response = await PostEvidence(client, page, form =>
        {
            form.Add(new StringContent("https://intra.example.cn/no-file-chosen"), "url");
            form.Add(nothingChosen);
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, after) = await client.Page(page);
        Assert.Equal("https://intra.example.cn/no-file-chosen", Assert.Single(after.QuerySelectorAll<IHtmlAnchorElement>("#evidence li a")).Href);
    }

    [Fact]
    public async Task TrackingForm_NotApplicableWithoutReason_ShowsTheProblemAndKeepsWhatWasTyped()
    {
        using var client = await app.BrowserLike(Users.Officer);
        var obligation = await PendingObligation(client);
        var page = $"{Dashboard}/obligations/{obligation}";
        var (_, before) = await client.Page(page);

        using var response = await client.PostForm(page, PageHtml.Fields(before.QuerySelector("#tracking-form")!,
            new Dictionary<string, string> { ["status"] = "not-applicable", ["owner"] = "风险部 孙七" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var shown = await PageHtml.Parse(response);
        Assert.Contains("reason", shown.QuerySelector("#problem")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("风险部 孙七", shown.QuerySelector<IHtmlInputElement>("#owner")!.Value);
        Assert.Equal("not-applicable", shown.QuerySelector<IHtmlSelectElement>("#status")!.Value);
    }

    [Fact]
    public async Task TrackingForm_Refused_ShowsTheHistoryAndEvidenceAgainWithTheProblem()
    {
        using var client = await app.BrowserLike(Users.Officer);
        var obligation = await PendingObligation(client);
        var page = $"{Dashboard}/obligations/{obligation}";
        using var api = await app.Client(Users.Officer);
        using (var owner = await api.PutJson($"/api/institutions/{app.OtherInstitution}/tracking/{obligation}", new { owner = "合规部 郑一" }))
            Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        using (var link = new MultipartFormDataContent { { new StringContent("https://intra.example.cn/refused-form"), "url" } })
        using (var attached = await api.Http.PostAsync(new Uri($"/api/institutions/{app.OtherInstitution}/tracking/{obligation}/evidence", UriKind.Relative), link))
            Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        var (_, before) = await client.Page(page);

        using var response = await client.PostForm(page, PageHtml.Fields(before.QuerySelector("#tracking-form")!, new Dictionary<string, string> { ["status"] = "not-applicable" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var shown = await PageHtml.Parse(response);
        Assert.NotNull(shown.QuerySelector("#problem"));
        Assert.Contains(shown.QuerySelectorAll("#history tbody tr"), r => Cells(r) is [_, "web:olivia", "负责人", "", "合规部 郑一"]);
        Assert.Equal("https://intra.example.cn/refused-form", Assert.Single(shown.QuerySelectorAll<IHtmlAnchorElement>("#evidence li a")).Href);
    }

    [Fact]
    public async Task Notes_WithMarkup_AreShownAsTextNotAsHtml()
    {
        using var client = await app.BrowserLike(Users.Officer);
        var obligation = await PendingObligation(client);
        var page = $"{Dashboard}/obligations/{obligation}";
        var (_, before) = await client.Page(page);
        const string Hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";

        using var response = await client.PostForm(page, PageHtml.Fields(before.QuerySelector("#tracking-form")!, new Dictionary<string, string> { ["notes"] = Hostile }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        foreach (var path in new[] { page, Dashboard })
        {
            var (_, shown) = await client.Page(path);
            Assert.Empty(shown.QuerySelectorAll("main img, main script"));
            Assert.Contains(Hostile, shown.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Auditor_SeesTheDashboardAndObligationWithoutAnyForm()
    {
        using var client = await app.BrowserLike(Users.Auditor);
        var obligation = await PendingObligation(client);

        var (status, dashboard) = await client.Page(Dashboard);
        var (_, page) = await client.Page($"{Dashboard}/obligations/{obligation}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("只读", dashboard.QuerySelector(".page-head .meta")!.TextContent, StringComparison.Ordinal);
        Assert.All(dashboard.QuerySelectorAll("td.act a"), a => Assert.Equal("查看", a.TextContent.Trim()));
        Assert.Null(page.QuerySelector("#tracking-form"));
        Assert.Null(page.QuerySelector("#evidence-form"));
        Assert.NotNull(page.QuerySelector("#history"));
    }

    [Fact]
    public async Task Dashboard_OwnUser_HasCountsDeadlinesAndTheCalendarAndExportLinks()
    {
        using var client = await app.BrowserLike(Users.Own);

        var (status, page) = await client.Page($"/institutions/{app.OwnInstitution}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("示例消费金融", page.QuerySelector("#institution-name")!.TextContent);
        Assert.Equal($"/api/institutions/{app.OwnInstitution}/calendar.ics", page.QuerySelector("#ics-link")!.GetAttribute("href"));
        Assert.Equal($"/api/institutions/{app.OwnInstitution}/register.xlsx", page.QuerySelector("#xlsx-link")!.GetAttribute("href"));
        // The consumer finance sample's 施行之日起六个月内 (2026-05-01 + 6 months, a Sunday) is due on Monday 2026-11-02.
        Assert.Contains(page.QuerySelectorAll("#deadlines tbody tr"), r => r.QuerySelector("td.date")!.TextContent.StartsWith("2026-11-02", StringComparison.Ordinal));
        foreach (var card in page.QuerySelectorAll(".cards a.card[data-status]"))
        {
            var code = card.GetAttribute("data-status");
            var counted = int.Parse(card.QuerySelector(".n")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(counted == page.QuerySelectorAll($"#group-{code} tbody tr").Length, $"{code}: the card says {counted}");
        }

        Assert.All(page.QuerySelectorAll("td.act a"), a => Assert.Equal("更新", a.TextContent.Trim()));
    }

    /// <summary>A still untouched obligation of the trust company, a new one for each test.</summary>
    private async Task<long> PendingObligation(WebClient client)
    {
        var (_, dashboard) = await client.Page(Dashboard);
        var rows = dashboard.QuerySelectorAll("#group-pending tbody tr").Select(r => long.Parse(r.Id!["ob-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        lock (Taken)
        {
            var free = rows.First(r => !Taken.Contains(r));
            Taken.Add(free);
            return free;
        }
    }

    private static readonly HashSet<long> Taken = [];

    private static string[] Cells(AngleSharp.Dom.IElement row) => [.. row.QuerySelectorAll("td").Select(c => c.TextContent.Trim())];

    /// <summary>Posts the obligation page's evidence form with the page's anti-forgery token and what <paramref name="fill"/> adds.</summary>
    private static async Task<HttpResponseMessage> PostEvidence(WebClient client, string page, Action<MultipartFormDataContent> fill)
    {
        var (_, before) = await client.Page(page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PageHtml.Fields(before.QuerySelector("#evidence-form")!)["__RequestVerificationToken"]), "__RequestVerificationToken" },
        };
        fill(form);
        return await client.Http.PostAsync(new Uri($"{page}/evidence", UriKind.Relative), form);
    }
}
