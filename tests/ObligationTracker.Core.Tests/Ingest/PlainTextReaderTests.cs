using System.Text;
using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Ingest;
using Xunit;

namespace ObligationTracker.Core.Tests.Ingest;

public class PlainTextReaderTests
{
    private const string Sample = "第一条 为规范理财业务，制定本办法。\n第二条 本办法自2025年3月1日起施行。";

    private static readonly Encoding Gb18030 = GetGb18030();

    [Fact]
    public void Read_Utf8WithBom_DecodesWithoutBom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Sample)).ToArray();
        var result = new PlainTextReader().Read(new MemoryStream(bytes), "a.txt");
        Assert.Equal("第一条为规范理财业务，制定本办法。\n第二条本办法自2025年3月1日起施行。", result.Source!.Text);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Read_Gb18030Bytes_DetectedAndDecoded()
    {
        var result = new PlainTextReader().Read(new MemoryStream(Gb18030.GetBytes(Sample)), "a.txt");
        Assert.Equal(TextNormalizer.Normalize(Sample), result.Source!.Text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Read_Markdown_FormatMarkdownAndHeadingsStripped()
    {
        var result = new PlainTextReader().Read(new MemoryStream(Encoding.UTF8.GetBytes("# 某某管理办法\n\n" + Sample)), "x.md");
        Assert.Equal(SourceFormat.Markdown, result.Source!.Format);
        Assert.StartsWith("某某管理办法\n第一条", result.Source.Text);
    }

    [Fact]
    public void Read_OnlyWhiteSpace_EmptyFileError()
    {
        var result = new PlainTextReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(" \r\n\u3000\n")), "blank.txt");
        Assert.Null(result.Source);
        Assert.Equal(DiagnosticCodes.EmptyFile, Assert.Single(result.Diagnostics).Code);
    }

    public static TheoryData<string> Gb18030Originals() =>
        [.. File.ReadAllLines(Path.Combine(RepoPaths.SharedOriginals, "MAP.tsv")).Select(l => l.Split('\t')[0]).Where(f => f.EndsWith(".gb18030.txt"))];

    [Theory]
    [MemberData(nameof(Gb18030Originals))]
    public void ReadFile_RealGb18030Original_SameTextAsItsUtf8Version(string original)
    {
        var utf8Version = Path.Combine(RepoPaths.SharedRegulations, original.Replace(".gb18030.txt", ".md"));
        var result = new DocumentReaders().ReadFile(Path.Combine(RepoPaths.SharedOriginals, original));
        Assert.NotNull(result.Source);
        Assert.Equal(TextNormalizer.Normalize(File.ReadAllText(utf8Version, Encoding.UTF8)), result.Source.Text);
    }

    private static Encoding GetGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
