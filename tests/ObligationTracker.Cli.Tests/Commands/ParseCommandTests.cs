using System.Text.Json;
using ObligationTracker.Cli.Commands;
using Xunit;

namespace ObligationTracker.Cli.Tests.Commands;

public sealed class ParseCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ot-parse-" + Guid.NewGuid().ToString("N"));

    public ParseCommandTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public void Parse_Jsonl_PrintsTheDocumentWithIsoDatesAndArticles()
    {
        File.WriteAllText(Path.Combine(_dir, "a.md"), """
            国家金融监督管理总局令
            2026年第9号
            某类公司数据报送办法
            第一章 总则
            第一条 为规范数据报送，制定本办法。
            第二章 报送
            第二条 金融租赁公司应当于每季度结束后15个工作日内报送数据。
            前款数据应当真实、准确。
            第三条 本办法自2026年7月1日起施行。
            """);

        var (code, output, _) = Run(true, Path.Combine(_dir, "a.md"));

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.Trim());
        var root = json.RootElement;
        Assert.Equal("a.md", root.GetProperty("file").GetString());
        Assert.Equal("某类公司数据报送办法", root.GetProperty("title").GetString());
        Assert.Equal("国家金融监督管理总局令2026年第9号", root.GetProperty("documentNumber").GetString());
        Assert.Equal("2026-07-01", root.GetProperty("effective").GetString());
        var second = root.GetProperty("articles")[1];
        Assert.Equal(2, second.GetProperty("number").GetInt32());
        Assert.Equal("第二章报送", second.GetProperty("chapter").GetString()); // the normaliser drops spaces between CJK characters
        Assert.Equal(2, second.GetProperty("paragraphs").GetArrayLength());
        Assert.Equal("前款数据应当真实、准确。", second.GetProperty("paragraphs")[1].GetString());
    }

    [Fact]
    public void Parse_Jsonl_ArticlesOfTwoAttachmentsSayWhichAttachment()
    {
        File.WriteAllText(Path.Combine(_dir, "b.md"), """
            国家金融监督管理总局关于做好示范账户服务工作的指导意见
            一、各银行应当参照《示范开户指引》（附件1）优化开户服务。
            附件1
            示范开户指引
            第一条 银行应当公示开户流程。
            附件2
            示范代发指引
            第一条 银行应当及时反馈代发结果。
            """);

        var (code, output, _) = Run(true, Path.Combine(_dir, "b.md"));

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.Trim());
        var articles = json.RootElement.GetProperty("articles").EnumerateArray()
            .Select(a => (a.GetProperty("number").GetInt32(), a.GetProperty("inAttachment").GetBoolean(), a.GetProperty("attachment").GetInt32()));
        Assert.Equal([(1, false, 0), (1, true, 1), (1, true, 2)], articles);
    }

    [Fact]
    public void Parse_BadFileAmongGood_ReportsItByNameAndGoesOn()
    {
        File.WriteAllText(Path.Combine(_dir, "good.txt"), "某办法\n第一条 银行应当报告。\n");
        File.WriteAllBytes(Path.Combine(_dir, "bad.docx"), [1, 2, 3, 4, 5, 6, 7, 8]);

        var (code, output, errors) = Run(true, _dir);

        Assert.Equal(1, code);
        var lines = output.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("bad.docx", errors);
        Assert.Contains("OT0004", errors);
        using var bad = JsonDocument.Parse(lines[0]);
        Assert.Equal(JsonValueKind.Null, bad.RootElement.GetProperty("title").ValueKind);
        Assert.Equal(0, bad.RootElement.GetProperty("articles").GetArrayLength());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Output, string Errors) Run(bool jsonl, params string[] paths)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = ParseCommand.Run(paths, jsonl, output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
