using System.Net;
using System.Text;
using Xunit;

namespace ObligationTracker.Web.Tests;

/// <summary>
/// Every endpoint × every role, each cell asserted. The expected codes are written from the access policy, not read off
/// the code: an officer may do everything; an institution user may read the rules (search, regulations, obligations)
/// and read and write its own institution only (another institution: 403); an auditor reads everything and writes
/// nothing (403); without signing in the API answers 401. The institution in the routes is the one "own" belongs to.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class AuthorizationMatrixTests(WebAppFixture app)
{
    public const string Anonymous = "anonymous";
    public const string Officer = "officer";
    public const string Own = "institution-own";
    public const string Other = "institution-other";
    public const string Auditor = "auditor";

    /// <summary>Method, path ({i} the own institution, {o} an obligation of it, {e} a file attached to it, {r} a regulation), then the expected status for anonymous, officer, own, other, auditor.</summary>
    private static readonly (string Method, string Path, int Anonymous, int Officer, int Own, int Other, int Auditor)[] Matrix =
    [
        ("GET", "/api/me", 401, 200, 200, 200, 200),
        ("GET", "/api/search?q=监管评级", 401, 200, 200, 200, 200),
        ("GET", "/api/regulations", 401, 200, 200, 200, 200),
        ("GET", "/api/regulations/{r}", 401, 200, 200, 200, 200),
        ("POST", "/api/regulations", 401, 201, 403, 403, 403),
        ("GET", "/api/obligations", 401, 200, 200, 200, 200),
        ("GET", "/api/institutions", 401, 200, 200, 200, 200),
        ("GET", "/api/institutions/{i}", 401, 200, 200, 403, 200),
        ("GET", "/api/institutions/{i}/obligations", 401, 200, 200, 403, 200),
        ("GET", "/api/institutions/{i}/dashboard", 401, 200, 200, 403, 200),
        ("PUT", "/api/institutions/{i}/tracking/{o}", 401, 200, 200, 403, 403),
        ("GET", "/api/institutions/{i}/tracking/{o}/history", 401, 200, 200, 403, 200),
        ("POST", "/api/institutions/{i}/tracking/{o}/evidence", 401, 200, 200, 403, 403),
        ("GET", "/api/institutions/{i}/tracking/{o}/evidence/{e}", 401, 200, 200, 403, 200),
        ("GET", "/api/institutions/{i}/calendar.ics", 401, 200, 200, 403, 200),
        ("GET", "/api/institutions/{i}/register.xlsx", 401, 200, 200, 403, 200),
    ];

    public static TheoryData<string, string, string, int> Cells()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var row in Matrix)
        {
            data.Add(row.Method, row.Path, Anonymous, row.Anonymous);
            data.Add(row.Method, row.Path, Officer, row.Officer);
            data.Add(row.Method, row.Path, Own, row.Own);
            data.Add(row.Method, row.Path, Other, row.Other);
            data.Add(row.Method, row.Path, Auditor, row.Auditor);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Endpoint_ForRole_AnswersThePolicysStatus(string method, string path, string role, int expected)
    {
        var client = role == Anonymous ? await app.Client(null) : await app.As(UserOf(role));
        var url = path.Replace("{i}", app.OwnInstitution.ToString(), StringComparison.Ordinal)
            .Replace("{o}", app.MatrixObligation.ToString(), StringComparison.Ordinal)
            .Replace("{r}", app.SomeRegulation.ToString(), StringComparison.Ordinal)
            .Replace("{e}", app.MatrixEvidence.ToString(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)) { Content = Body(method, path) };
        using var response = await client.Http.SendAsync(request);

        Assert.True(expected == (int)response.StatusCode, $"{method} {path} as {role}: expected {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (role == Anonymous) client.Dispose();
    }

    [Fact]
    public async Task Matrix_CoversEveryApiRouteOfTheOpenApiDocument()
    {
        var documented = await OpenApiRoutes();
        var covered = Matrix.Select(m => $"{m.Method} {Template(m.Path)}").ToHashSet();
        Assert.Equal(covered.Order(StringComparer.Ordinal), documented.Where(d => d.Contains("/api/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    private async Task<IReadOnlyList<string>> OpenApiRoutes()
    {
        using var client = await app.Client(null);
        var doc = await client.GetJson("/openapi/v1.json");
        return [.. doc.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {Template(p.Name)}"))];
    }

    /// <summary>A path with its parameters named alike ({id}, {obligationId} → {}), the query left off.</summary>
    private static string Template(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path.Split('?')[0], @"\{[^}]+\}", "{}").TrimEnd('/');

    private static string UserOf(string role) => role switch
    {
        Officer => Users.Officer,
        Own => Users.Own,
        Other => Users.Other,
        _ => Users.Auditor,
    };

    /// <summary>A valid body for the writes, so a refusal can only come from the policy.</summary>
    private static HttpContent? Body(string method, string path)
    {
        if (method == "PUT") return new StringContent($$"""{"owner":"matrix-{{Guid.NewGuid():N}}"}""", Encoding.UTF8, "application/json");
        if (method != "POST") return null;
        var form = new MultipartFormDataContent();
        if (path.EndsWith("/evidence", StringComparison.Ordinal))
        {
            form.Add(new StringContent($"https://evidence.example.cn/{Guid.NewGuid():N}"), "url");
        }
        else
        {
            // A regulation of our own, new each time, so an officer's upload is stored (201).
            var text = $"矩阵测试办法{Guid.NewGuid():N}\n\n第一条 为测试上传，制定本办法。\n\n第二条 消费金融公司应当于每年3月31日前报送年度报告。\n";
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", $"matrix-{Guid.NewGuid():N}.txt");
        }

        return form;
    }
}
