using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Storage;
using Xunit;

namespace ObligationTracker.Cli.Tests.Commands;

public sealed class IngestCommandTests : IDisposable
{
    private const string Rating = """
        某类机构监管评级试行办法
        第一章 总则
        第一条 为规范监管评级工作，制定本办法。
        第二条 消费金融公司应当于每年4月30日前报送上一年度自评估报告。
        第三条 本办法自2026年3月1日起施行。
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ot-ingest-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public IngestCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "in", "sub"));
    }

    private string Data => Path.Combine(_root, "data");

    [Fact]
    public void Ingest_FolderWithGoodAndBadFiles_StoresGoodReportsBadAndFails()
    {
        File.WriteAllText(Path.Combine(_root, "in", "rating.md"), Rating);
        File.WriteAllBytes(Path.Combine(_root, "in", "sub", "broken.pdf"), [0x13, 0x37, 0x00, 0xFF, 0x42]);

        var (code, output, errors) = Run(Path.Combine(_root, "in"));

        Assert.Equal(1, code);
        Assert.Contains("stored", output);
        Assert.Contains("broken.pdf", errors);
        Assert.Contains("1 stored, 0 replaced, 0 unchanged, 1 failed", errors);
        using var store = RegulationStore.Open(Data, _clock);
        Assert.Equal("某类机构监管评级试行办法", Assert.Single(store.List()).Title);
    }

    [Fact]
    public void Ingest_SameBytesTwice_SecondRunSkipsAsUnchanged()
    {
        var file = Path.Combine(_root, "in", "rating.md");
        File.WriteAllText(file, Rating);
        Assert.Equal(0, Run(file).Code);

        var (code, _, errors) = Run(file);

        Assert.Equal(0, code);
        Assert.Contains("0 stored, 0 replaced, 1 unchanged, 0 failed", errors);
    }

    [Fact]
    public void Ingest_BrokenRevisionOfStoredFile_KeepsWhatWasStored()
    {
        var file = Path.Combine(_root, "in", "rating.md");
        File.WriteAllText(file, Rating);
        Run(file);
        File.WriteAllBytes(file, []);

        var (code, _, errors) = Run(file);

        Assert.Equal(1, code);
        Assert.Contains("OT0001", errors);
        using var store = RegulationStore.Open(Data, _clock);
        var kept = Assert.Single(store.List());
        Assert.Equal(3, kept.ArticleCount);
        Assert.Equal(1, kept.Version);
    }

    [Fact]
    public void Ingest_Gb18030TextThenRevisedUtf8_ReplacesAsSecondVersion()
    {
        var file = Path.Combine(_root, "in", "rating.txt");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(file, Encoding.GetEncoding("GB18030").GetBytes(Rating));
        Run(file);
        File.WriteAllText(file, Rating.Replace("4月30日", "5月31日", StringComparison.Ordinal));

        var (_, _, errors) = Run("--json", file);

        Assert.Contains("0 stored, 1 replaced", errors);
        using var store = RegulationStore.Open(Data, _clock);
        var stored = Assert.Single(store.List());
        Assert.Equal(2, stored.Version);
        Assert.Contains("5月31日", store.Load(stored.Id)!.Articles[1].Text);
    }

    [Fact]
    public void Ingest_Json_PrintsOneLinePerFileWithStatus()
    {
        File.WriteAllText(Path.Combine(_root, "in", "rating.md"), Rating);

        var (_, output, _) = Run("--json", Path.Combine(_root, "in"));

        using var doc = JsonDocument.Parse(output.Trim());
        Assert.Equal("stored", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("articles").GetInt32());
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private (int Code, string Output, string Errors) Run(params string[] args)
    {
        var json = args.Contains("--json");
        var paths = args.Where(a => a != "--json").ToArray();
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = IngestCommand.Run(paths, Data, json, _clock, output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
