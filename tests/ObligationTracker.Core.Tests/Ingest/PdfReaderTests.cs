using System.Text.RegularExpressions;
using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Ingest;
using Xunit;

namespace ObligationTracker.Core.Tests.Ingest;

public sealed partial class PdfReaderTests : IDisposable
{
    // Courier lines of 8 four-letter words (39 characters) end at the same x: full lines. A paragraph's first line is
    // indented 5 characters and has 7 words; its last line is short.
    private const string Full1 = "alfa bravo char delt echo foxt golf hote";
    private const string Full2 = "indi juli kilo lima mike nove osca papa";
    private const string Full3 = "queb rome sier tang unif vict whis xray";

    private readonly string dir = Directory.CreateTempSubdirectory("ot-pdf-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static Diagnostic SingleError(ReadResult result)
    {
        Assert.Null(result.Source);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        return error;
    }

    private static byte[] TwoPageSample(bool fakeBold = false) => PdfFixtures.Build(
    [
        [(0, "Chapter One"), (5, "Article 1 The bureau shall keep watch"), (0, Full1), (0, Full2)],
        [(0, Full3), (0, "yank zulu done."), (5, "Article 2 Short one."), (0, "Signed.")],
    ], fakeBold);

    [Fact]
    public void Read_SentenceBrokenAcrossPage_RejoinedIntoOneParagraph()
    {
        var text = new DocumentReaders().Read(new MemoryStream(TwoPageSample()), "sample.pdf").Source!.Text;
        var lines = text.Split('\n');
        Assert.Contains($"Article 1 The bureau shall keep watch {Full1} {Full2} {Full3} yank zulu done.", lines);
        Assert.Contains("Article 2 Short one.", lines);
        Assert.Equal("Signed.", lines[^1]);
    }

    [Fact]
    public void Read_RunningHeaderAndPageNumbers_Dropped()
    {
        var result = new DocumentReaders().Read(new MemoryStream(TwoPageSample()), "sample.pdf");
        Assert.Equal(2, result.Source!.PageCount);
        Assert.DoesNotContain("GAZETTE", result.Source.Text);
        Assert.DoesNotContain("- 1 -", result.Source.Text);
        Assert.DoesNotContain("- 2 -", result.Source.Text);
        Assert.StartsWith("Chapter One\n", result.Source.Text);
    }

    [Fact]
    public void Read_GlyphsDrawnTwice_ReadOnce()
    {
        var text = new DocumentReaders().Read(new MemoryStream(TwoPageSample(fakeBold: true)), "bold.pdf").Source!.Text;
        Assert.StartsWith("Chapter One\n", text);
    }

    [Fact]
    public void ReadFile_EncryptedPdf_EncryptedPdfError()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "ObligationTracker.Core.Tests", "Fixtures", "encrypted.pdf");
        var error = SingleError(new DocumentReaders().ReadFile(path));
        Assert.Equal(DiagnosticCodes.EncryptedPdf, error.Code);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void ReadFile_TruncatedPdf_CorruptFile()
    {
        var whole = TwoPageSample();
        var path = Write("truncated.pdf", whole[..(whole.Length / 2)]);
        var error = SingleError(new DocumentReaders().ReadFile(path));
        Assert.Equal(DiagnosticCodes.CorruptFile, error.Code);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void ReadFile_PdfHeaderFollowedByGarbage_CorruptFile()
    {
        var garbage = new byte[3000];
        new Random(7).NextBytes(garbage);
        var path = Write("garbage.pdf", [.. "%PDF-1.7\n"u8, .. garbage, .. "\n%%EOF\n"u8]);
        Assert.Equal(DiagnosticCodes.CorruptFile, SingleError(new DocumentReaders().ReadFile(path)).Code);
    }

    [Fact]
    public void ReadFile_PdfWithoutText_NoTextLayerSayingOcr()
    {
        var path = Write("scan.pdf", PdfFixtures.BlankPages(2));
        var error = SingleError(new DocumentReaders().ReadFile(path));
        Assert.Equal(DiagnosticCodes.NoTextLayer, error.Code);
        Assert.Contains("OCR", error.Message);
    }

    public static TheoryData<string> ImageOnlyOriginals() =>
        [.. MapRows().Where(r => r.Note.Contains("image only")).Select(r => r.Original)];

    [Theory]
    [MemberData(nameof(ImageOnlyOriginals))]
    public void ReadFile_RealImageOnlyPdf_NoTextLayer(string original)
    {
        var result = new DocumentReaders().ReadFile(Path.Combine(RepoPaths.SharedOriginals, original));
        Assert.Equal(DiagnosticCodes.NoTextLayer, SingleError(result).Code);
    }

    [Fact]
    public void ReadFile_RealNfraPdfWithKangxiRadicals_ComesOutAsIdeographs()
    {
        var pdf = Directory.GetFiles(RepoPaths.SharedOriginals, "*数据安全管理办法.pdf").Single();
        var text = new DocumentReaders().ReadFile(pdf).Source!.Text;
        Assert.Contains("金融", text);
        Assert.Contains("人民共和国", text);
        Assert.DoesNotContain(text, c => c is >= '\u2E80' and <= '\u2FDF');
    }

    public static TheoryData<string, string> TextOriginals()
    {
        var data = new TheoryData<string, string>();
        foreach (var r in MapRows().Where(r => r.TextVersion.Length > 0 && !r.Note.Contains("image only") && !r.Original.EndsWith(".doc")))
            data.Add(r.Original, r.TextVersion);
        return data;
    }

    [Theory]
    [MemberData(nameof(TextOriginals))]
    public void ReadFile_RealOriginal_NoLineIsAPageNumber(string original, string textVersion)
    {
        _ = textVersion;
        var text = new DocumentReaders().ReadFile(Path.Combine(RepoPaths.SharedOriginals, original)).Source!.Text;
        Assert.DoesNotContain(text.Split('\n'), l => PageNumberLine().IsMatch(l));
    }

    [Theory]
    [MemberData(nameof(TextOriginals))]
    public void ReadFile_RealOriginal_ArticleHeadingsStartLinesAsInTextVersion(string original, string textVersion)
    {
        // Every 第X条 and 一、 that starts a paragraph in the text version starts one in the original's text, in order:
        // paragraphs are rejoined across lines and pages without swallowing or splitting article starts.
        var read = new DocumentReaders().ReadFile(Path.Combine(RepoPaths.SharedOriginals, original)).Source!.Text;
        var text = new DocumentReaders().ReadFile(Path.Combine(RepoPaths.SharedRegulations, textVersion)).Source!.Text;
        Assert.Equal(Headings(text), Headings(read));
    }

    private static List<string> Headings(string text) =>
        [.. text.Split('\n').Select(l => HeadingStart().Match(l)).Where(m => m.Success).Select(m => m.Value)];

    private static IEnumerable<(string Original, string TextVersion, string Note)> MapRows() =>
        File.ReadAllLines(Path.Combine(RepoPaths.SharedOriginals, "MAP.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Select(c => (c[0], c.Length > 1 ? c[1] : "", c.Length > 2 ? c[2] : ""));

    [GeneratedRegex(@"^(第[一二三四五六七八九十百零]+条|[一二三四五六七八九十]+、)")]
    private static partial Regex HeadingStart();

    [GeneratedRegex(@"^([-—–\s]*\d+[-—–\s]*|第\d+页.*|\d+/\d+)$")]
    private static partial Regex PageNumberLine();
}
