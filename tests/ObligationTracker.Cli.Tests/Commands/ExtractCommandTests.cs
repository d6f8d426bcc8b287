using System.Text.Json;
using ObligationTracker.Cli.Commands;
using Xunit;

namespace ObligationTracker.Cli.Tests.Commands;

public sealed class ExtractCommandTests : IDisposable
{
    private const string Rule = """
        某类机构报告办法
        第一章 总则
        第一条 为规范报告工作，制定本办法。
        第二条 消费金融公司应当于每年4月30日前报送上一年度报告。
        第三条 消费金融公司不得迟报、漏报。
        第四条 本办法自2026年3月1日起施行。
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ot-extract-" + Guid.NewGuid().ToString("N"));

    public ExtractCommandTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Extract_Jsonl_WritesOneFormatLinePerObligation()
    {
        File.WriteAllText(Path.Combine(_root, "rule.md"), Rule);

        var (code, output, _) = Run(true, Path.Combine(_root, "rule.md"));

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("rule.md", lines[0].GetProperty("doc").GetString());
        Assert.Equal(2, lines[0].GetProperty("article").GetInt32());
        Assert.Equal("obligation", lines[0].GetProperty("modality").GetString());
        Assert.Equal("消费金融公司", lines[0].GetProperty("addressees")[0].GetString());
        Assert.Equal("04-30", lines[0].GetProperty("deadline").GetProperty("due").GetString());
        Assert.Equal("prohibition", lines[1].GetProperty("modality").GetString());
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("deadline").ValueKind);
    }

    [Fact]
    public void Extract_JsonLikeEveryOtherCommand_IsTheSameAsJsonl()
    {
        File.WriteAllText(Path.Combine(_root, "rule.md"), Rule);
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "ot.dll"), "extract", "--json", Path.Combine(_root, "rule.md") }) psi.ArgumentList.Add(a);

        using var process = System.Diagnostics.Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, errors);
        Assert.Equal(Run(true, Path.Combine(_root, "rule.md")).Output.ReplaceLineEndings(), output.ReplaceLineEndings());
    }

    [Fact]
    public void Extract_MissingFile_ReportsAndFails()
    {
        var (code, _, errors) = Run(true, Path.Combine(_root, "nowhere.md"));

        Assert.NotEqual(0, code);
        Assert.Contains("nowhere.md", errors);
    }

    private static (int Code, string Output, string Errors) Run(bool jsonl, params string[] paths)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = ExtractCommand.Run(paths, jsonl, output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
