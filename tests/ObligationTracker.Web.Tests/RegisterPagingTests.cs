using System.Text.Json;
using Xunit;

namespace ObligationTracker.Web.Tests;

/// <summary>GET /api/institutions/{id}/obligations in pages, filtered by status, modality and regulation.</summary>
/// <remarks>The whole register (size=1000) is the reference each page and filter is checked against.</remarks>
[Collection(WebAppCollection.Name)]
public sealed class RegisterPagingTests(WebAppFixture app)
{
    private string Register => $"/api/institutions/{app.OwnInstitution}/obligations";

    [Fact]
    public async Task Obligations_WithoutPaging_FirstHundredAndTheTotal()
    {
        var client = await app.As(Users.Auditor);
        var whole = await client.GetJson($"{Register}?size=1000");

        var first = await client.GetJson(Register);

        Assert.Equal((1, 100), (first.GetProperty("page").GetInt32(), first.GetProperty("size").GetInt32()));
        Assert.Equal(whole.GetProperty("total").GetInt32(), first.GetProperty("total").GetInt32());
        Assert.Equal(Ids(whole).Take(100), Ids(first));
    }

    [Fact]
    public async Task Obligations_PagesOfSeven_TogetherAreTheWholeRegisterInOrder()
    {
        var client = await app.As(Users.Auditor);
        var whole = await client.GetJson($"{Register}?size=1000");
        var total = whole.GetProperty("total").GetInt32();

        var paged = new List<long>();
        for (var page = 1; page <= (total + 6) / 7; page++)
        {
            var one = await client.GetJson($"{Register}?page={page}&size=7");
            Assert.Equal(total, one.GetProperty("total").GetInt32());
            Assert.InRange(one.GetProperty("obligations").GetArrayLength(), 1, 7);
            paged.AddRange(Ids(one));
        }

        var past = await client.GetJson($"{Register}?page={(total + 6) / 7 + 1}&size=7");
        Assert.True(total > 7, $"the sample register has {total} lines: too few to page");
        Assert.Equal(Ids(whole), paged);
        Assert.Equal(0, past.GetProperty("obligations").GetArrayLength());
    }

    [Theory]
    [InlineData("obligation", "obligation")]
    [InlineData("prohibition", "prohibition")]
    [InlineData("义务", "obligation")] // read as the search filter reads it: the Chinese label, any case
    [InlineData("Prohibition", "prohibition")]
    public async Task Obligations_ByModality_ExactlyThoseOfTheWholeRegister(string typed, string modality)
    {
        var client = await app.As(Users.Auditor);
        var whole = await client.GetJson($"{Register}?size=1000");

        var filtered = await client.GetJson($"{Register}?size=1000&modality={Uri.EscapeDataString(typed)}");

        var expected = Lines(whole).Where(l => l.GetProperty("modality").GetString() == modality).Select(Id).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < whole.GetProperty("total").GetInt32());
        Assert.Equal(expected, Ids(filtered));
        Assert.Equal(expected.Count, filtered.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Obligations_ByRegulationTitleAndStatus_ExactlyThoseOfTheWholeRegister()
    {
        var client = await app.As(Users.Officer);
        var whole = await client.GetJson($"{Register}?size=1000");
        var regulations = Lines(whole).GroupBy(l => l.GetProperty("regulationId").GetInt64()).ToList();
        Assert.True(regulations.Count > 1, "the institution is bound by one regulation only: the filter cannot be told from none");
        var target = regulations.OrderBy(g => g.Count()).First().First();
        using (var put = await client.PutJson($"/api/institutions/{app.OwnInstitution}/tracking/{Id(target)}", new { status = "进行中" })) put.EnsureSuccessStatusCode();
        var title = target.GetProperty("regulation").GetString()!;
        var regulationId = target.GetProperty("regulationId").GetInt64();
        whole = await client.GetJson($"{Register}?size=1000");

        var byRegulation = await client.GetJson($"{Register}?size=1000&regulation={Uri.EscapeDataString(title)}");
        var inProgress = await client.GetJson($"{Register}?size=1000&status=in-progress&regulation={regulationId}");

        Assert.Equal(Lines(whole).Where(l => l.GetProperty("regulationId").GetInt64() == regulationId).Select(Id), Ids(byRegulation));
        var expected = Lines(whole).Where(l => l.GetProperty("regulationId").GetInt64() == regulationId && l.GetProperty("statusCode").GetString() == "in-progress").Select(Id).ToList();
        Assert.Contains(Id(target), expected);
        Assert.Equal(expected, Ids(inProgress));
    }

    [Fact]
    public async Task OpenApi_DescribesTheRegistersFiltersAndPaging()
    {
        using var client = await app.Client(null);

        var doc = await client.GetJson("/openapi/v1.json");

        var get = doc.GetProperty("paths").GetProperty("/api/institutions/{id}/obligations").GetProperty("get");
        Assert.Equal(["id", "status", "modality", "regulation", "page", "size"], get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Contains("page", get.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    private static IEnumerable<JsonElement> Lines(JsonElement page) => page.GetProperty("obligations").EnumerateArray();

    private static long Id(JsonElement line) => line.GetProperty("obligationId").GetInt64();

    private static List<long> Ids(JsonElement page) => [.. Lines(page).Select(Id)];
}
