using System.Net;
using System.Text;
using Xunit;

namespace ObligationTracker.Web.Tests;

/// <summary>POST /api/regulations: stored, then unchanged; type checked by the bytes; size limited; a file that cannot be read reports its diagnostics.</summary>
[Collection(WebAppCollection.Name)]
public sealed class UploadTests(WebAppFixture app)
{
    [Fact]
    public async Task Upload_NewRegulation_StoredThenSearchableThenUnchangedOnRepeat()
    {
        var client = await app.As(Users.Officer);
        var word = "上传测试" + Guid.NewGuid().ToString("N")[..6];
        var bytes = Encoding.UTF8.GetBytes($"{word}管理办法\n\n第一条 为规范{word}，制定本办法。\n\n第二条 信托公司应当于每年6月30日前报送{word}报告。\n");

        using var first = await Upload(client, bytes, "upload-test.txt");
        var stored = await Json(first);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("stored", stored.GetProperty("status").GetString());
        var id = stored.GetProperty("regulationId").GetInt64();
        Assert.Equal($"/api/regulations/{id}", first.Headers.Location?.OriginalString);

        var detail = await client.GetJson($"/api/regulations/{id}");
        var provision = detail.GetProperty("articles")[1].GetProperty("provisions")[0];
        Assert.Equal("obligation", provision.GetProperty("modality").GetString());
        Assert.Equal("信托公司", provision.GetProperty("addressees")[0].GetString());
        Assert.Equal("recurring", provision.GetProperty("deadline").GetProperty("kind").GetString());

        var found = await client.GetJson("/api/search?q=" + Uri.EscapeDataString(word));
        Assert.Equal(id, found.GetProperty("hits")[0].GetProperty("regulationId").GetInt64());

        using var again = await Upload(client, bytes, "upload-test.txt");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("unchanged", (await Json(again)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Upload_PdfBytesNamedTxt_Answers415()
    {
        var client = await app.As(Users.Officer);
        var pdf = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Corpora, "samples", "nfra_insurer_major_risk_reporting_measures_2026.pdf"));

        using var response = await Upload(client, pdf, "looks-like-text.txt");

        await BadInputTests.AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "contents are a PDF");
    }

    [Fact]
    public async Task Upload_TextNamedPdf_Answers415()
    {
        var client = await app.As(Users.Officer);

        using var response = await Upload(client, Encoding.UTF8.GetBytes("第一条 这不是PDF。"), "fake.pdf");

        await BadInputTests.AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "named .pdf");
    }

    [Fact]
    public async Task Upload_ExecutableExtension_Answers415()
    {
        var client = await app.As(Users.Officer);

        using var response = await Upload(client, [0x4D, 0x5A, 0x90, 0x00], "tool.exe");

        await BadInputTests.AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "'.exe' files are not read");
    }

    [Fact]
    public async Task Upload_OverTheLimit_Answers413()
    {
        var client = await app.As(Users.Officer);
        var big = new byte[WebAppFixture.MaxUploadBytes + 1];
        Array.Fill(big, (byte)'a');

        using var response = await Upload(client, big, "big.txt");

        await BadInputTests.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "limit");
    }

    [Fact]
    public async Task Upload_WhiteSpaceOnly_Answers422WithTheDiagnosticAndItsFile()
    {
        var client = await app.As(Users.Officer);

        using var response = await Upload(client, Encoding.UTF8.GetBytes("   \n\n   \n"), "blank.txt");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = await Json(response);
        Assert.Equal("failed", result.GetProperty("status").GetString());
        var diagnostic = result.GetProperty("diagnostics")[0];
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal("blank.txt", diagnostic.GetProperty("file").GetString());
        Assert.StartsWith("blank.txt", diagnostic.GetProperty("place").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_NoFileField_Answers400()
    {
        var client = await app.As(Users.Officer);
        using var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };

        using var response = await client.Http.PostAsync(new Uri("/api/regulations", UriKind.Relative), form);

        await BadInputTests.AssertProblem(response, HttpStatusCode.BadRequest, "No file");
    }

    private static async Task<HttpResponseMessage> Upload(WebClient client, byte[] bytes, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        return await client.Http.PostAsync(new Uri("/api/regulations", UriKind.Relative), form);
    }

    private static async Task<System.Text.Json.JsonElement> Json(HttpResponseMessage response)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }
}
