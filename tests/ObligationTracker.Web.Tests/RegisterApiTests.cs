using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Xunit;

namespace ObligationTracker.Web.Tests;

/// <summary>An institution's register through the API: tracking changes, their history and evidence, the dashboard, the calendar and the workbook.</summary>
/// <remarks>The app's clock stands at 2026-09-15 (China time); the consumer finance sample takes effect on 2026-05-01.</remarks>
[Collection(WebAppCollection.Name)]
public sealed class RegisterApiTests(WebAppFixture app)
{
    private string Own => $"/api/institutions/{app.OwnInstitution}";

    [Fact]
    public async Task Dashboard_SixMonthsFromEffectiveDate_FallsOnSundayAndIsListedOnTheMonday()
    {
        // 施行之日(2026-05-01)起六个月内 ends on Sunday 2026-11-01; the limit moves to the next working day (民法典第二百零三条).
        var client = await app.As(Users.Own);

        var dashboard = await client.GetJson($"{Own}/dashboard");

        var due = Assert.Single(dashboard.GetProperty("nextDeadlines").EnumerateArray(), d => d.GetProperty("text").GetString()!.Contains("施行之日起六个月内", StringComparison.Ordinal));
        Assert.Equal("2026-11-02", due.GetProperty("date").GetString());
        Assert.Equal("2026-09-15", dashboard.GetProperty("today").GetString());
        Assert.All(dashboard.GetProperty("nextDeadlines").EnumerateArray(), d =>
            Assert.InRange(DateOnly.Parse(d.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture), WebAppFixture.Today, WebAppFixture.Today.AddDays(90)));
    }

    [Fact]
    public async Task Put_StatusOverdue_ShowsOnDashboardAndInHistoryWithTheUser()
    {
        var client = await app.As(Users.Own);
        var target = await Line(client, l => l.GetProperty("deadline").ValueKind == JsonValueKind.Null && l.GetProperty("statusCode").GetString() == "pending");
        var id = target.GetProperty("obligationId").GetInt64();
        var before = await client.GetJson($"{Own}/dashboard");

        using var put = await client.PutJson($"{Own}/tracking/{id}", new { status = "逾期", owner = "合规部 王五" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var after = await client.GetJson($"{Own}/dashboard");
        Assert.Equal(before.GetProperty("byStatus").GetProperty("overdue").GetInt32() + 1, after.GetProperty("byStatus").GetProperty("overdue").GetInt32());
        Assert.Equal(before.GetProperty("byStatus").GetProperty("pending").GetInt32() - 1, after.GetProperty("byStatus").GetProperty("pending").GetInt32());
        Assert.Contains(after.GetProperty("overdue").EnumerateArray(), o => o.GetProperty("obligationId").GetInt64() == id);
        var history = await client.GetJson($"{Own}/tracking/{id}/history");
        var change = Assert.Single(history.GetProperty("history").EnumerateArray(), h => h.GetProperty("field").GetString() == "status");
        Assert.Equal("待评估", change.GetProperty("from").GetString());
        Assert.Equal("逾期", change.GetProperty("to").GetString());
        Assert.Equal("web:" + Users.Own, change.GetProperty("actor").GetString());
        Assert.Equal("合规部 王五", history.GetProperty("tracking").GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Put_DueDateBeforeTodayWhileInProgress_MakesTheLineOverdue()
    {
        var client = await app.As(Users.Officer);
        var target = await Line(client, l => l.GetProperty("deadline").ValueKind == JsonValueKind.Null && l.GetProperty("statusCode").GetString() == "pending");
        var id = target.GetProperty("obligationId").GetInt64();
        Assert.False(target.GetProperty("overdue").GetBoolean());

        using var put = await client.PutJson($"{Own}/tracking/{id}", new { status = "in-progress", dueDate = "2026-09-01" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var line = await Line(client, l => l.GetProperty("obligationId").GetInt64() == id);
        Assert.True(line.GetProperty("overdue").GetBoolean());
        Assert.Equal("2026-09-01", line.GetProperty("dueDate").GetString());
        Assert.Equal("进行中", line.GetProperty("status").GetString());

        using var done = await client.PutJson($"{Own}/tracking/{id}", new { lastDone = "2026-09-10" });
        Assert.False((await Line(client, l => l.GetProperty("obligationId").GetInt64() == id)).GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Evidence_File_IsKeptWithItsSha256AndListedWithoutTheServerPath()
    {
        var client = await app.As(Users.Own);
        var id = (await Line(client, l => l.GetProperty("active").GetBoolean())).GetProperty("obligationId").GetInt64();
        var bytes = Encoding.UTF8.GetBytes("董事会决议（测试）" + Guid.NewGuid());
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "决议.txt" } };

        using var response = await client.Http.PostAsync(new Uri($"{Own}/tracking/{id}/evidence", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var history = await client.GetJson($"{Own}/tracking/{id}/history");
        var evidence = Assert.Single(history.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("sha256").GetString() == sha);
        Assert.Equal("file", evidence.GetProperty("kind").GetString());
        Assert.EndsWith("决议.txt", evidence.GetProperty("reference").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(app.DataDirectory, evidence.GetProperty("reference").GetString(), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "evidence"), sha[..16] + "-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task EvidenceDownload_File_IsTheBytesAsAnAttachmentWithItsTypeAndNoSniff()
    {
        var client = await app.As(Users.Own);
        var bytes = Encoding.UTF8.GetBytes("整改报告（测试）" + Guid.NewGuid());
        var evidence = await AttachFile(client, app.MatrixObligation, bytes, "整改报告.txt");
        var auditor = await app.As(Users.Auditor);

        using var response = await auditor.Get($"{Own}/tracking/{app.MatrixObligation}/evidence/{evidence}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("整改报告.txt", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task EvidenceDownload_Link_Answers404WithTheLinkAndNoRedirect()
    {
        var client = await app.As(Users.Own);
        using var form = new MultipartFormDataContent { { new StringContent("https://intra.example.cn/download-test"), "url" } };
        using var attached = await client.Http.PostAsync(new Uri($"{Own}/tracking/{app.MatrixObligation}/evidence", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        var history = await client.GetJson($"{Own}/tracking/{app.MatrixObligation}/history");
        var link = history.GetProperty("evidence").EnumerateArray().Last(e => e.GetProperty("kind").GetString() == "url").GetProperty("id").GetInt64();

        using var response = await client.Get($"{Own}/tracking/{app.MatrixObligation}/evidence/{link}");

        await BadInputTests.AssertProblem(response, HttpStatusCode.NotFound, "https://intra.example.cn/download-test");
    }

    [Fact]
    public async Task EvidenceDownload_IdOfAnotherObligationsEvidence_Answers404()
    {
        var client = await app.As(Users.Officer);
        var other = (await Line(client, l => l.GetProperty("active").GetBoolean() && l.GetProperty("obligationId").GetInt64() != app.MatrixObligation)).GetProperty("obligationId").GetInt64();

        using var response = await client.Get($"{Own}/tracking/{other}/evidence/{app.MatrixEvidence}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Evidence_SameFileThroughApiAndPage_IsStoredOnceUnderOneName()
    {
        var officer = await app.As(Users.Officer);
        var bytes = Encoding.UTF8.GetBytes("同一份证据" + Guid.NewGuid());
        await AttachFile(officer, app.MatrixObligation, bytes, "同一份.txt");
        using var browser = await app.BrowserLike(Users.Officer);
        var page = $"/institutions/{app.OwnInstitution}/obligations/{app.MatrixObligation}";
        var (_, before) = await browser.Page(page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PageHtml.Fields(before.QuerySelector("#evidence-form")!)["__RequestVerificationToken"]), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", "同一份.txt" },
        };
        using var posted = await browser.Http.PostAsync(new Uri($"{page}/evidence", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var history = await officer.GetJson($"{Own}/tracking/{app.MatrixObligation}/history");
        var both = history.GetProperty("evidence").EnumerateArray().Where(e => e.GetProperty("sha256").GetString() == sha).ToList();
        Assert.Equal(2, both.Count);
        Assert.Equal(both[0].GetProperty("reference").GetString(), both[1].GetProperty("reference").GetString());
        Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "evidence"), sha[..16] + "-*", SearchOption.AllDirectories));
    }

    private async Task<long> AttachFile(WebClient client, long obligation, byte[] bytes, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        using var response = await client.Http.PostAsync(new Uri($"{Own}/tracking/{obligation}/evidence", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var history = await client.GetJson($"{Own}/tracking/{obligation}/history");
        return history.GetProperty("evidence").EnumerateArray().Last(e => e.GetProperty("sha256").GetString() == sha).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Evidence_NonHttpUrl_Answers400()
    {
        var client = await app.As(Users.Own);
        using var form = new MultipartFormDataContent { { new StringContent("file:///etc/passwd"), "url" } };

        using var response = await client.Http.PostAsync(new Uri($"{Own}/tracking/{app.MatrixObligation}/evidence", UriKind.Relative), form);

        await BadInputTests.AssertProblem(response, HttpStatusCode.BadRequest, "not an http(s) URL");
    }

    [Fact]
    public async Task Calendar_IsICalendarWithTheMondayDueDate()
    {
        var client = await app.As(Users.Auditor);

        using var response = await client.Get($"{Own}/calendar.ics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20261102", text, StringComparison.Ordinal);
        Assert.Contains($"UID:{app.OwnInstitution}-", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_Xlsx_HasAHeaderRowAndOneRowPerOpenObligation()
    {
        var client = await app.As(Users.Auditor);
        var lines = (await client.GetJson($"{Own}/obligations")).GetProperty("total").GetInt32();

        using var response = await client.Get($"{Own}/register.xlsx");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(lines + 1, rows.Count);
        Assert.Equal("编号", rows[0].Descendants<Text>().First().Text);
    }

    [Fact]
    public async Task Institutions_ForAnInstitutionUser_ListsOnlyItsOwn()
    {
        var client = await app.As(Users.Own);

        var list = await client.GetJson("/api/institutions");
        var me = await client.GetJson("/api/me");

        Assert.Equal(app.OwnInstitution, Assert.Single(list.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(app.OwnInstitution, me.GetProperty("institutionId").GetInt64());
    }

    [Fact]
    public async Task Regulation_Detail_ProvisionsStandInsideTheirArticles()
    {
        var client = await app.As(Users.Auditor);

        var detail = await client.GetJson($"/api/regulations/{app.SomeRegulation}");

        var provisions = detail.GetProperty("articles").EnumerateArray()
            .SelectMany(a => a.GetProperty("provisions").EnumerateArray().Select(p => (Article: a, Provision: p))).ToList();
        Assert.NotEmpty(provisions);
        Assert.All(provisions, x =>
        {
            var start = x.Article.GetProperty("start").GetInt32();
            Assert.InRange(x.Provision.GetProperty("start").GetInt32(), start, start + x.Article.GetProperty("length").GetInt32());
            Assert.Contains(x.Provision.GetProperty("modality").GetString(), new[] { "obligation", "prohibition", "permission" });
        });
    }

    [Fact]
    public async Task Obligations_ByInstitutionType_OnlyThoseBindingIt()
    {
        var client = await app.As(Users.Auditor);

        var all = await client.GetJson("/api/obligations?size=1000");
        var trust = await client.GetJson("/api/obligations?size=1000&type=" + Uri.EscapeDataString("信托公司"));

        Assert.InRange(trust.GetProperty("total").GetInt32(), 1, all.GetProperty("total").GetInt32() - 1);
        Assert.All(trust.GetProperty("obligations").EnumerateArray(), o =>
        {
            var types = o.GetProperty("provision").GetProperty("addressees").EnumerateArray().Concat(o.GetProperty("provision").GetProperty("referenceTypes").EnumerateArray())
                .Select(t => t.GetString()).ToList();
            Assert.Contains(types, t => t is "信托公司" or "非银行金融机构" or "银行业金融机构" or "金融机构" or "银行保险机构");
        });
    }

    [Fact]
    public async Task Search_TypeFilter_CountsFacetsAndGroupsHitsByRegulation()
    {
        var client = await app.As(Users.Own);

        var result = await client.GetJson("/api/search?size=20&q=" + Uri.EscapeDataString("报告") + "&type=" + Uri.EscapeDataString("消费金融公司"));

        Assert.True(result.GetProperty("totalArticles").GetInt32() > 0);
        Assert.True(result.GetProperty("facets").EnumerateObject().Any());
        var hits = result.GetProperty("hits").EnumerateArray().ToList();
        var groups = result.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(hits.Count, groups.Sum(g => g.GetProperty("articles").GetArrayLength()));
        Assert.Equal(hits.Select(h => h.GetProperty("file").GetString()).Distinct(), groups.Select(g => g.GetProperty("file").GetString()));
    }

    [Fact]
    public async Task Search_ProvisionLevel_EachHitIsAProvisionOfTheFilteredModality()
    {
        var client = await app.As(Users.Own);

        var result = await client.GetJson("/api/search?size=50&level=provision&modality=prohibition&q=" + Uri.EscapeDataString("不得"));

        var hits = result.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h =>
        {
            var provision = h.GetProperty("provision");
            Assert.Equal("prohibition", provision.GetProperty("modality").GetString());
            Assert.StartsWith(h.GetProperty("file").GetString() + "#" + h.GetProperty("article").GetInt32() + ".", provision.GetProperty("key").GetString(), StringComparison.Ordinal);
        });
        var facets = result.GetProperty("facets").GetProperty("modality").EnumerateObject().Select(m => m.Name);
        Assert.Equal(["prohibition"], facets);
    }

    [Fact]
    public async Task Search_FilterValuesInChinese_FindWhatTheirNamesFind()
    {
        var client = await app.As(Users.Own);
        var query = "/api/search?size=50&q=" + Uri.EscapeDataString("不得");

        var named = await client.GetJson(query + "&modality=prohibition&status=in-force");
        var chinese = await client.GetJson(query + "&modality=" + Uri.EscapeDataString("禁止") + "&status=" + Uri.EscapeDataString("现行有效"));

        Assert.True(named.GetProperty("totalArticles").GetInt32() > 0);
        Assert.Equal(named.GetProperty("totalArticles").GetInt32(), chinese.GetProperty("totalArticles").GetInt32());
        Assert.Equal(named.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("file").GetString() + "#" + h.GetProperty("article").GetInt32()),
            chinese.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("file").GetString() + "#" + h.GetProperty("article").GetInt32()));
    }

    private async Task<JsonElement> Line(WebClient client, Func<JsonElement, bool> pick) =>
        (await client.GetJson($"{Own}/obligations?size=1000")).GetProperty("obligations").EnumerateArray().First(pick);
}
