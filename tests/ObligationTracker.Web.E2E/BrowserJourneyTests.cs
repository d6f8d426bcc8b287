using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ObligationTracker.Web.Tests;
using Xunit;
using Xunit.Abstractions;

namespace ObligationTracker.Web.E2E;

/// <summary>
/// The web app in a real browser: an officer signs in, searches, opens a regulation at the article found, goes to an
/// institution's dashboard, sets a tracking status and sees it and its history there; an institution user lands on its
/// own dashboard and is refused another's. Each step is saved as a screenshot (the folder is named in the test output).
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class BrowserJourneyTests(WebAppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Officer_SearchesOpensARegulationAndSetsATrackingStatusSeenWithItsHistoryOnTheDashboard()
    {
        await using var browser = await Browser.Start(app.BaseAddress, "officer", output);
        var page = browser.Page;

        await SignIn(browser, Users.Officer, "/");
        await browser.Shot("home");

        await page.FillAsync("input[name=q]", "消费金融公司 监管评级");
        await page.PressAsync("input[name=q]", "Enter");
        await page.WaitForURLAsync("**/search?q=*");
        var best = page.Locator(".hit-group").First;
        Assert.Equal("消费金融公司监管评级办法", (await best.Locator("h2").InnerTextAsync()).Trim());
        Assert.True(await best.Locator(".snippet em").CountAsync() > 0, "the snippet highlights the query's words");
        await browser.Shot("search");

        var hit = best.Locator("a.article-link").First;
        var anchor = (await hit.GetAttributeAsync("href"))!.Split('#')[1];
        await hit.ClickAsync();
        await page.WaitForURLAsync($"**/regulations/*#{anchor}");
        Assert.Equal("消费金融公司监管评级办法", await page.InnerTextAsync("#reg-title"));
        Assert.True(await page.Locator($"section.article#{anchor}").IsVisibleAsync());
        Assert.True(await page.Locator("mark.prov.m-obligation").CountAsync() > 0, "provisions are marked by modality");
        await browser.Shot("regulation-at-article", fullPage: false);

        await page.ClickAsync("nav.main a[href='/institutions']");
        await page.ClickAsync("#institutions a:text-is('示例消费金融')");
        await page.WaitForURLAsync($"**/institutions/{app.OwnInstitution}");
        var pending = await Count(page, "pending");
        var inProgress = await Count(page, "in-progress");
        await browser.Shot("dashboard");

        var row = page.Locator("#group-pending tbody tr").First;
        var rowId = (await row.GetAttributeAsync("id"))!;
        await row.Locator("td.act a").ClickAsync();
        await page.WaitForURLAsync($"**/institutions/{app.OwnInstitution}/obligations/*");
        await page.SelectOptionAsync("#status", "in-progress");
        await page.FillAsync("#owner", "合规部 张三");
        await page.FillAsync("#notes", "已启动整改，月底前提交董事会审议。");
        await browser.Shot("tracking-form");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync("**?saved=tracking");
        Assert.Equal("进行中", await page.InnerTextAsync("#current-status"));
        Assert.Equal(1, await page.Locator("#history tbody tr", new() { HasText = "待评估" }).Filter(new() { HasText = "进行中" }).CountAsync());
        await browser.Shot("tracking-saved");

        await page.ClickAsync("#back-to-dashboard");
        await page.WaitForURLAsync($"**/institutions/{app.OwnInstitution}");
        Assert.True(await page.Locator($"#group-in-progress #{rowId}").IsVisibleAsync(), "the obligation is listed under 进行中");
        Assert.Equal("合规部 张三", (await page.InnerTextAsync($"#{rowId} .owner")).Trim());
        Assert.Equal(pending - 1, await Count(page, "pending"));
        Assert.Equal(inProgress + 1, await Count(page, "in-progress"));
        var change = page.Locator("#changes tbody tr").Filter(new() { HasText = "状态" }).First;
        Assert.Matches(@"web:olivia\s.*状态\s+待评估\s+进行中", Regex.Replace(await change.InnerTextAsync(), @"\s+", " "));
        await browser.Shot("dashboard-after-update");

        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task InstitutionUser_LandsOnItsOwnDashboardAndGets403OnAnother()
    {
        await using var browser = await Browser.Start(app.BaseAddress, "institution-user", output);
        var page = browser.Page;

        await SignIn(browser, Users.Own, $"/institutions/{app.OwnInstitution}");
        Assert.Equal("示例消费金融", await page.InnerTextAsync("#institution-name"));
        Assert.Equal(0, await page.Locator("nav.main a[href='/upload']").CountAsync());
        await browser.Shot("own-dashboard");

        var response = await page.GotoAsync($"/institutions/{app.OtherInstitution}");

        Assert.Equal(403, response!.Status);
        Assert.Contains("无权访问", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await browser.Shot("other-institution-forbidden");
        Assert.All(browser.ConsoleErrors, e => Assert.Contains("status of 403", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Officer_UploadsARegulationAndSeesWhatWasStoredWithItsDiagnostics()
    {
        await using var browser = await Browser.Start(app.BaseAddress, "upload", output);
        var page = browser.Page;
        await SignIn(browser, Users.Officer, "/");
        // Our own text: a notice without articles (第X条), which the parser keeps whole and warns about.
        var text = "关于开展浏览器测试工作的通知\n\n各消费金融公司：\n\n请于每季度结束后15日内报送测试情况。\n";

        await page.ClickAsync("nav.main a[href='/upload']");
        await page.SetInputFilesAsync("#upload-file", new FilePayload { Name = "浏览器测试通知.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(text) });
        await browser.Shot("upload-form");
        await page.ClickAsync("#upload-submit");
        await page.WaitForSelectorAsync("#upload-outcome");

        Assert.Equal("stored", await page.GetAttributeAsync("#upload-outcome", "data-status"));
        var warning = page.Locator("#diagnostics tbody tr").Filter(new() { HasText = "OT0101" });
        Assert.StartsWith("浏览器测试通知.txt", (await warning.Locator(".place").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await browser.Shot("upload-outcome");

        await page.ClickAsync("#uploaded-regulation");
        await page.WaitForURLAsync("**/regulations/*");
        Assert.Equal("关于开展浏览器测试工作的通知", await page.InnerTextAsync("#reg-title"));
        await browser.Shot("uploaded-regulation");
        Assert.Empty(browser.ConsoleErrors);
    }

    private static async Task SignIn(Browser browser, string user, string landing)
    {
        var page = browser.Page;
        await page.GotoAsync("/account/login");
        await browser.Shot("sign-in");
        await page.FillAsync("input[name=name]", user);
        await page.FillAsync("input[name=password]", WebAppFixture.Password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == landing);
        Assert.StartsWith(user, await page.InnerTextAsync("#who"), StringComparison.Ordinal);
    }

    private static async Task<int> Count(IPage page, string status) =>
        int.Parse(await page.InnerTextAsync($"#count-{status}"), CultureInfo.InvariantCulture);
}
