using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ObligationTracker.Web.Tests;

/// <summary>Malformed queries, ids and bodies get 400 with a ProblemDetails that says what is wrong, never a stack trace.</summary>
[Collection(WebAppCollection.Name)]
public sealed class BadInputTests(WebAppFixture app)
{
    [Theory]
    [InlineData("/api/search", "q is required")]
    [InlineData("/api/search?q=消费&page=abc", "page 'abc'")]
    [InlineData("/api/search?q=消费&size=0", "size must be")]
    [InlineData("/api/search?q=消费&yearFrom=2030&yearTo=2020", "year range")]
    [InlineData("/api/search?q=消费&type=不存在的机构", "Unknown institution type")]
    [InlineData("/api/search?q=消费&level=clause", "level is article or provision")]
    [InlineData("/api/search?q=消费&issuer=银行", "No indexed regulation is issued by '银行'")] // a part of names, not an issuer
    [InlineData("/api/search?q=消费&status=valid", "Unknown status 'valid'; use in-force (现行有效)")]
    [InlineData("/api/search?q=" + "%22%E6%B6%88%E8%B4%B9", "quotation mark is not closed")]
    [InlineData("/api/regulations/abc", "'abc' is not a regulation id")]
    [InlineData("/api/regulations/-4", "is not a regulation id")]
    [InlineData("/api/obligations?type=火星银行", "Unknown institution type")]
    [InlineData("/api/obligations?modality=maybe", "Unknown modality")]
    [InlineData("/api/obligations?page=0", "page starts at 1")]
    [InlineData("/api/institutions/x1", "'x1' is not an institution id")]
    [InlineData("/api/institutions/{i}/obligations?status=done", "Unknown status")]
    [InlineData("/api/institutions/{i}/obligations?modality=maybe", "Unknown modality")]
    [InlineData("/api/institutions/{i}/obligations?page=0", "page starts at 1")]
    [InlineData("/api/institutions/{i}/obligations?size=1001", "size must be between 1 and 1000")]
    [InlineData("/api/institutions/{i}/obligations?size=ten", "size 'ten'")]
    [InlineData("/api/institutions/{i}/tracking/abc/history", "is not an obligation id")]
    public async Task Get_MalformedInput_Answers400WithAMessage(string path, string message)
    {
        var client = await app.As(Users.Officer);
        using var response = await client.Get(path.Replace("{i}", app.OwnInstitution.ToString(), StringComparison.Ordinal));

        await AssertProblem(response, HttpStatusCode.BadRequest, message);
    }

    [Theory]
    [InlineData("/api/regulations/987654")]
    [InlineData("/api/institutions/987654")]
    [InlineData("/api/institutions/987654/dashboard")]
    [InlineData("/api/obligations?regulation=没有这个办法")]
    [InlineData("/api/institutions/{i}/obligations?regulation=没有这个办法")]
    public async Task Get_UnknownId_Answers404WithAMessage(string path)
    {
        var client = await app.As(Users.Officer);
        using var response = await client.Get(path.Replace("{i}", app.OwnInstitution.ToString(), StringComparison.Ordinal));

        await AssertProblem(response, HttpStatusCode.NotFound, "no");
    }

    [Theory]
    [InlineData("""{"status":"done"}""", "Unknown status 'done'")]
    [InlineData("""{"dueDate":"2026-13-45"}""", "dueDate '2026-13-45' is not a date")]
    [InlineData("""{"status":"不适用"}""", "needs a reason")]
    [InlineData("""{}""", "Nothing to change")]
    [InlineData("""{"status":null}""", "'status' cannot be emptied")]
    [InlineData("""{"owner":42}""", "'owner' is a string")]
    [InlineData("""{"reviewed":"yes"}""", "'reviewed' is true, false or null")]
    [InlineData("""{"status":""", "JSON")]
    [InlineData("""[1,2]""", "JSON")]
    public async Task Put_BadTrackingBody_Answers400WithAMessage(string body, string message)
    {
        var client = await app.As(Users.Officer);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.Http.PutAsync(new Uri($"/api/institutions/{app.OwnInstitution}/tracking/{app.MatrixObligation}", UriKind.Relative), content);

        await AssertProblem(response, HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task Put_WithoutAntiforgeryHeader_Answers400AndChangesNothing()
    {
        var signedIn = await app.As(Users.Officer);
        var before = await signedIn.GetJson($"/api/institutions/{app.OwnInstitution}/tracking/{app.MatrixObligation}/history");
        using var client = await app.Client(Users.Officer);
        client.Http.DefaultRequestHeaders.Remove("RequestVerificationToken");

        using var response = await client.PutJson($"/api/institutions/{app.OwnInstitution}/tracking/{app.MatrixObligation}", new { owner = "no-token" });

        await AssertProblem(response, HttpStatusCode.BadRequest, "anti-forgery");
        var after = await signedIn.GetJson($"/api/institutions/{app.OwnInstitution}/tracking/{app.MatrixObligation}/history");
        Assert.Equal(before.GetProperty("history").GetArrayLength(), after.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Put_ObligationOfAnotherInstitutionType_Answers404()
    {
        var client = await app.As(Users.Officer);
        var trust = (await client.GetJson($"/api/institutions/{app.OtherInstitution}/obligations?size=1000")).GetProperty("obligations");
        var own = (await client.GetJson($"/api/institutions/{app.OwnInstitution}/obligations?size=1000")).GetProperty("obligations").EnumerateArray().Select(o => o.GetProperty("obligationId").GetInt64()).ToHashSet();
        var foreign = trust.EnumerateArray().Select(o => o.GetProperty("obligationId").GetInt64()).First(id => !own.Contains(id));

        using var response = await client.PutJson($"/api/institutions/{app.OwnInstitution}/tracking/{foreign}", new { status = "进行中" });

        await AssertProblem(response, HttpStatusCode.NotFound, "does not bind");
    }

    internal static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        var detail = problem.RootElement.GetProperty("detail").GetString() ?? "";
        Assert.Contains(message, detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ObligationTracker", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }
}
