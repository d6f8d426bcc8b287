using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ObligationTracker.Tools.Samples;

/// <summary>Writes a sample source as a .docx the way a drafter's Word file looks: 第X条 and （一） come from automatic numbering, not from the text.</summary>
/// <remarks>
/// Articles share one list (numbering.xml: lvlText 第%1条, numFmt chineseCounting), so the text of each article paragraph
/// starts after its heading; items use a second definition (（%1）) restarted in each list. A reader that ignores
/// numbering.xml loses every 第X条, which is the point of this sample.
/// </remarks>
internal static class DocxSampleWriter
{
    private const int ArticleAbstractId = 1;
    private const int ItemAbstractId = 2;
    private const int ArticleNumId = 1;

    public static byte[] Write(IReadOnlyList<SampleLine> lines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            main.AddNewPart<StyleDefinitionsPart>("rId1").Styles = DefaultStyles();
            var body = new Body();
            var itemLists = new List<int>();
            var article = 0;
            var item = 0;
            SampleLine? previous = null;
            var table = (Table?)null;
            foreach (var line in lines)
            {
                if (line.Kind != SampleLineKind.TableRow) table = null;
                switch (line.Kind)
                {
                    case SampleLineKind.Article:
                        article++;
                        Check(line.Marker!, $"第{ChineseNumerals.Format(article)}条");
                        body.Append(Numbered(line.Text, ArticleNumId));
                        break;
                    case SampleLineKind.Item:
                        if (previous?.Kind != SampleLineKind.Item)
                        {
                            itemLists.Add(ArticleNumId + itemLists.Count + 1);
                            item = 0;
                        }
                        item++;
                        Check(line.Marker!, $"（{ChineseNumerals.Format(item)}）");
                        body.Append(Numbered(line.Text, itemLists[^1]));
                        break;
                    case SampleLineKind.TableRow:
                        if (table is null) body.Append(table = NewTable(line.Cells!.Count));
                        table.Append(new TableRow(line.Cells!.Select(c => new TableCell(new Paragraph(TextRun(c))))));
                        break;
                    case SampleLineKind.Center or SampleLineKind.Title:
                        body.Append(Aligned(line.Text, JustificationValues.Center));
                        break;
                    case SampleLineKind.Right:
                        body.Append(Aligned(line.Text, JustificationValues.Right));
                        break;
                    case SampleLineKind.Body:
                        body.Append(new Paragraph(new ParagraphProperties(FirstLineIndent()), TextRun(line.Text)));
                        break;
                    default:
                        throw new InvalidOperationException($"{line.Kind} is not supported in a .docx source.");
                }
                previous = line;
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
            main.Document = new Document(body);
            main.AddNewPart<NumberingDefinitionsPart>("rId2").Numbering = Numbering(itemLists);
        }
        return Deterministic(stream.ToArray());
    }

    private static void Check(string written, string expected)
    {
        if (written != expected)
            throw new InvalidDataException($"The source says {written} where Word's numbering will print {expected}.");
    }

    private static Paragraph Numbered(string text, int numId) => new(
        new ParagraphProperties(
            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numId }),
            FirstLineIndent()),
        TextRun(text));

    private static Paragraph Aligned(string text, JustificationValues justification) =>
        new(new ParagraphProperties(new Justification { Val = justification }), TextRun(text));

    private static Indentation FirstLineIndent() => new() { FirstLineChars = 200, FirstLine = "640" };

    private static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Table NewTable(int columns) => new(
        new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(),
                Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>())),
        new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (9000 / columns).ToString() })));

    private static T Border<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4U };

    private static Numbering Numbering(IReadOnlyList<int> itemLists)
    {
        var numbering = new Numbering(
            AbstractList(ArticleAbstractId, "第%1条", LevelSuffixValues.Space),
            AbstractList(ItemAbstractId, "（%1）", LevelSuffixValues.Nothing),
            new NumberingInstance(new AbstractNumId { Val = ArticleAbstractId }) { NumberID = ArticleNumId });
        foreach (var numId in itemLists)
            numbering.Append(new NumberingInstance(
                new AbstractNumId { Val = ItemAbstractId },
                new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 }) { NumberID = numId });
        return numbering;
    }

    private static AbstractNum AbstractList(int id, string levelText, LevelSuffixValues suffix) => new(
        new MultiLevelType { Val = MultiLevelValues.SingleLevel },
        new Level(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = NumberFormatValues.ChineseCounting },
            new LevelSuffix { Val = suffix },
            new LevelText { Val = levelText },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(FirstLineIndent())) { LevelIndex = 0 })
    { AbstractNumberId = id };

    private static Styles DefaultStyles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "仿宋_GB2312" },
                new FontSize { Val = "32" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact }))));

    /// <summary>Rewrites the package with fixed entry times, so running the verb twice gives the same bytes.</summary>
    private static byte[] Deterministic(byte[] package)
    {
        using var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
