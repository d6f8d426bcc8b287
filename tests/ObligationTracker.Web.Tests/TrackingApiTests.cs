using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ObligationTracker.Web.Tests;

/// <summary>PUT …/tracking/{obligationId}: a property left out stays, null or "" empties it, a value sets it.</summary>
/// <remarks>Each test takes an obligation of the consumer finance company nobody has touched and makes it 进行中 first, so the other tests' "first pending one" is never it.</remarks>
[Collection(WebAppCollection.Name)]
public sealed class TrackingApiTests(WebAppFixture app)
{
    private string Own => $"/api/institutions/{app.OwnInstitution}";

    [Fact]
    public async Task Put_PropertiesLeftOut_KeepTheirValues()
    {
        var (client, id) = await Filled();

        var tracking = await Put(client, id, """{"notes":"已提交董事会"}""");

        Assert.Equal("已提交董事会", tracking.GetProperty("notes").GetString());
        Assert.Equal("合规部 冯二", tracking.GetProperty("owner").GetString());
        Assert.Equal("2026-12-31", tracking.GetProperty("nextDue").GetString());
        Assert.Equal("2026-06-30", tracking.GetProperty("lastDone").GetString());
        Assert.Equal("等待监管答复", tracking.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Put_PropertiesNull_EmptiesThemAndKeepsTheRest()
    {
        var (client, id) = await Filled();

        var tracking = await Put(client, id, """{"owner":null,"dueDate":null,"reason":null}""");

        Assert.Equal(JsonValueKind.Null, tracking.GetProperty("owner").ValueKind);
        Assert.Equal(JsonValueKind.Null, tracking.GetProperty("nextDue").ValueKind);
        Assert.Equal(JsonValueKind.Null, tracking.GetProperty("reason").ValueKind);
        Assert.Equal("年报材料", tracking.GetProperty("notes").GetString());
        Assert.Equal("2026-06-30", tracking.GetProperty("lastDone").GetString());
        Assert.Equal("进行中", tracking.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Put_PropertiesEmptyStrings_EmptiesThemAndRecordsTheChanges()
    {
        var (client, id) = await Filled();

        var tracking = await Put(client, id, """{"notes":"","lastDone":" "}""");

        Assert.Equal(JsonValueKind.Null, tracking.GetProperty("notes").ValueKind);
        Assert.Equal(JsonValueKind.Null, tracking.GetProperty("lastDone").ValueKind);
        Assert.Equal("合规部 冯二", tracking.GetProperty("owner").GetString());
        var history = (await client.GetJson($"{Own}/tracking/{id}/history")).GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("field").GetString() == "notes" && h.GetProperty("from").GetString() == "年报材料" && h.GetProperty("to").ValueKind == JsonValueKind.Null);
        Assert.Contains(history, h => h.GetProperty("field").GetString() == "last_done" && h.GetProperty("from").GetString() == "2026-06-30" && h.GetProperty("to").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Put_NullForAFieldAlreadyEmpty_ChangesNothing()
    {
        var (client, id) = await Filled();
        await Put(client, id, """{"owner":null}""");
        var before = (await client.GetJson($"{Own}/tracking/{id}/history")).GetProperty("history").GetArrayLength();

        using var content = new StringContent("""{"owner":null}""", Encoding.UTF8, "application/json");
        using var response = await client.Http.PutAsync(new Uri($"{Own}/tracking/{id}", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, result.RootElement.GetProperty("changes").GetArrayLength());
        Assert.Equal(before, (await client.GetJson($"{Own}/tracking/{id}/history")).GetProperty("history").GetArrayLength());
    }

    /// <summary>An untouched obligation made 进行中 with a reason, owner, notes, due and last-done dates.</summary>
    private async Task<(WebClient Client, long Id)> Filled()
    {
        var client = await app.As(Users.Officer);
        var id = (await client.GetJson($"{Own}/obligations?size=1000")).GetProperty("obligations").EnumerateArray()
            .Where(l => l.GetProperty("statusCode").GetString() == "pending" && l.GetProperty("active").GetBoolean())
            .Select(l => l.GetProperty("obligationId").GetInt64())
            .Last();
        await Put(client, id, """{"status":"in-progress","reason":"等待监管答复","owner":"合规部 冯二","notes":"年报材料","dueDate":"2026-12-31","lastDone":"2026-06-30"}""");
        return (client, id);
    }

    private async Task<JsonElement> Put(WebClient client, long id, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.Http.PutAsync(new Uri($"{Own}/tracking/{id}", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {json} answered {(int)response.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("tracking").Clone();
    }
}
