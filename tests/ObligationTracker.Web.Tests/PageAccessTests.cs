using System.Net;
using System.Text;
using Xunit;

namespace ObligationTracker.Web.Tests;

/// <summary>
/// Every page × every role, each cell asserted, written from the access policy: an officer sees and does everything;
/// an institution user reads the rules and reads and writes its own institution (another: 403) and lands on its own
/// dashboard; an auditor reads everything and writes nothing (403); not signed in, every page goes to the sign-in page.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class PageAccessTests(WebAppFixture app)
{
    private const string Anonymous = "anonymous";

    /// <summary>Method, path ({i} the own institution, {o} an obligation of it, {r} a regulation), expected status for anonymous, officer, own, other, auditor.</summary>
    private static readonly (string Method, string Path, int Anonymous, int Officer, int Own, int Other, int Auditor)[] Matrix =
    [
        ("GET", "/", 302, 200, 302, 302, 200),
        ("GET", "/search?q=监管评级", 302, 200, 200, 200, 200),
        ("GET", "/regulations", 302, 200, 200, 200, 200),
        ("GET", "/regulations/{r}", 302, 200, 200, 200, 200),
        ("GET", "/institutions", 302, 200, 302, 302, 200),
        ("GET", "/institutions/{i}", 302, 200, 200, 403, 200),
        ("GET", "/institutions/{i}/obligations/{o}", 302, 200, 200, 403, 200),
        ("GET", "/upload", 302, 200, 403, 403, 403),
        ("POST", "/institutions/{i}/obligations/{o}", 302, 302, 302, 403, 403),
        ("POST", "/institutions/{i}/obligations/{o}/evidence", 302, 302, 302, 403, 403),
        ("POST", "/upload", 302, 200, 403, 403, 403),
    ];

    public static TheoryData<string, string, string, int> Cells()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var row in Matrix)
        {
            data.Add(row.Method, row.Path, Anonymous, row.Anonymous);
            data.Add(row.Method, row.Path, Users.Officer, row.Officer);
            data.Add(row.Method, row.Path, Users.Own, row.Own);
            data.Add(row.Method, row.Path, Users.Other, row.Other);
            data.Add(row.Method, row.Path, Users.Auditor, row.Auditor);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Page_ForRole_AnswersThePolicysStatus(string method, string path, string user, int expected)
    {
        using var client = user == Anonymous ? await app.Client(null) : await app.BrowserLike(user);
        var url = path.Replace("{i}", app.OwnInstitution.ToString(), StringComparison.Ordinal)
            .Replace("{o}", app.MatrixObligation.ToString(), StringComparison.Ordinal)
            .Replace("{r}", app.SomeRegulation.ToString(), StringComparison.Ordinal);
        // Posts carry the token of the user's own session, taken from a page every signed-in user may open.
        var token = user == Anonymous ? null : await client.FormToken("/regulations");
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)) { Content = method == "POST" ? Body(path, token) : null };

        using var response = await client.Http.SendAsync(request);

        Assert.True(expected == (int)response.StatusCode, $"{method} {path} as {user}: expected {expected}, got {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            // Not signed in: always to the sign-in page; signed in: never there (a redirect after a post, or to one's own dashboard).
            var location = response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;
            if (user == Anonymous) Assert.StartsWith("/account/login", location, StringComparison.OrdinalIgnoreCase);
            else Assert.DoesNotContain("/account/login", location, StringComparison.OrdinalIgnoreCase);
        }

        if (response.StatusCode == HttpStatusCode.Forbidden) Assert.Contains("无权访问", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Users.Own)]
    [InlineData(Users.Other)]
    public async Task Home_InstitutionUser_LandsOnItsOwnDashboard(string user)
    {
        using var client = await app.BrowserLike(user);

        using var response = await client.Get("/");

        var own = user == Users.Own ? app.OwnInstitution : app.OtherInstitution;
        Assert.Equal($"/institutions/{own}", response.Headers.Location!.OriginalString);
    }

    /// <summary>A valid body for the page's form, so a refusal can only come from the policy.</summary>
    private static HttpContent Body(string path, string? token)
    {
        var form = new MultipartFormDataContent();
        if (token is not null) form.Add(new StringContent(token), "__RequestVerificationToken");
        if (path.EndsWith("/evidence", StringComparison.Ordinal))
        {
            form.Add(new StringContent($"https://evidence.example.cn/page-{Guid.NewGuid():N}"), "url");
        }
        else if (path == "/upload")
        {
            var text = $"页面矩阵测试办法{Guid.NewGuid():N}\n\n第一条 为测试页面上传，制定本办法。\n\n第二条 消费金融公司应当于每年3月31日前报送年度报告。\n";
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", $"page-matrix-{Guid.NewGuid():N}.txt");
        }
        else
        {
            form.Add(new StringContent($"页面矩阵 {Guid.NewGuid():N}"), "notes");
        }

        return form;
    }
}
