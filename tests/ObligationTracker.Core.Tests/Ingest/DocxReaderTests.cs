using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Ingest;
using Xunit;

namespace ObligationTracker.Core.Tests.Ingest;

public sealed class DocxReaderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("ot-docx-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>numId 1: level 0 "第%1条" chineseCounting, level 1 "（%2）" chineseCounting (no suffix).</summary>
    private static byte[] NumberedDocx(Action<Body> fill)
    {
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.ChineseCounting },
                        new LevelText { Val = "第%1条" }, new LevelSuffix { Val = LevelSuffixValues.Space }) { LevelIndex = 0 },
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.ChineseCounting },
                        new LevelText { Val = "（%2）" }, new LevelSuffix { Val = LevelSuffixValues.Nothing }) { LevelIndex = 1 })
                { AbstractNumberId = 0 },
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 });
            var body = new Body();
            fill(body);
            main.Document = new Document(body);
        }
        return buffer.ToArray();
    }

    private static Paragraph Numbered(int level, string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 1 })),
            new Run(new Text(text)));

    private static Paragraph Plain(string text) => new(new Run(new Text(text)));

    private static string Read(byte[] docx) => new DocumentReaders().Read(new MemoryStream(docx), "x.docx").Source!.Text;

    [Fact]
    public void Read_AutomaticArticleNumbering_RenderedInChineseCounting()
    {
        var text = Read(NumberedDocx(body =>
        {
            body.Append(Plain("某某管理办法"));
            for (var i = 1; i <= 12; i++) body.Append(Numbered(0, $"条文{i}。"));
        }));
        var lines = text.Split('\n');
        Assert.Equal("某某管理办法", lines[0]);
        Assert.Equal("第一条条文1。", lines[1]);
        Assert.Equal("第十条条文10。", lines[10]);
        Assert.Equal("第十一条条文11。", lines[11]);
        Assert.Equal("第十二条条文12。", lines[12]);
    }

    [Fact]
    public void Read_ItemNumberingUnderArticles_RestartsUnderEachArticle()
    {
        var text = Read(NumberedDocx(body => body.Append(
            Numbered(0, "机构应当："), Numbered(1, "甲；"), Numbered(1, "乙。"),
            Numbered(0, "机构不得："), Numbered(1, "丙。"))));
        Assert.Equal(["第一条机构应当：", "（一）甲；", "（二）乙。", "第二条机构不得：", "（一）丙。"], text.Split('\n'));
    }

    [Fact]
    public void Read_Table_OneLinePerRowCellsSeparated()
    {
        var table = new Table(
            new TableRow(new TableCell(Plain("机构类型")), new TableCell(Plain("报送期限"))),
            new TableRow(new TableCell(Plain("商业银行")), new TableCell(Plain("每季度结束后15日内"))));
        var text = Read(NumberedDocx(body => body.Append(Plain("附表"), table, Plain("表后文字"))));
        Assert.Equal(["附表", "机构类型|报送期限", "商业银行|每季度结束后15日内", "表后文字"], text.Split('\n'));
    }

    [Fact]
    public void Read_DeletedTextAndFieldCodes_LeftOut()
    {
        var paragraph = new Paragraph(
            new Run(new Text("保留")),
            new DeletedRun(new Run(new DeletedText("删除"))),
            new Run(new FieldCode(" PAGE ")),
            new Run(new Text("文字")));
        Assert.Equal("保留文字", Read(NumberedDocx(body => body.Append(paragraph))));
    }

    [Fact]
    public void ReadFile_ZipBomb_RefusedBeforeInflating()
    {
        var path = Path.Combine(dir, "bomb.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 300; i++) entry.Write(spaces); // 300 MB declared, a few hundred KB on disk
        }
        Assert.True(new FileInfo(path).Length < 2 * 1024 * 1024);
        var result = new DocumentReaders().ReadFile(path);
        Assert.Null(result.Source);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.ZipBomb, error.Code);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void ReadFile_ZipThatIsNotWord_CorruptFile()
    {
        var path = Path.Combine(dir, "other.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open()))
            writer.Write("不是Word文档");
        var result = new DocumentReaders().ReadFile(path);
        Assert.Equal(DiagnosticCodes.CorruptFile, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void ReadFile_RealDocx_ArticleHeadingsStartLines()
    {
        var docx = Directory.GetFiles(RepoPaths.SharedOriginals, "*.docx").Single();
        var lines = new DocumentReaders().ReadFile(docx).Source!.Text.Split('\n');
        var articles = lines.Where(l => l.StartsWith('第') && l.Contains('条') && l.IndexOf('条') <= 6).ToList();
        Assert.StartsWith("第一条", articles[0]);
        Assert.True(articles.Count > 20, $"only {articles.Count} article lines");
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(20, "二十")]
    [InlineData(101, "一百零一")]
    [InlineData(110, "一百一十")]
    [InlineData(199, "一百九十九")]
    [InlineData(1005, "一千零五")]
    public void ChineseCounting_Numbers_AsWordRendersThem(int n, string expected) =>
        Assert.Equal(expected, ObligationTracker.Core.Ingest.Docx.ChineseNumerals.Counting(n));
}
