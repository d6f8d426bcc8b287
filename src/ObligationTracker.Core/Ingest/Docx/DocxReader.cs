using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ObligationTracker.Core.Diagnostics;

namespace ObligationTracker.Core.Ingest.Docx;

/// <summary>Reads a Word .docx with DocumentFormat.OpenXml: body paragraphs in order with their automatic numbering
/// rendered, tables as one line per row (cells joined by "|"); headers, footers, deleted text and field codes left out.</summary>
public sealed class DocxReader : IDocumentReader
{
    public IReadOnlyList<string> Extensions { get; } = [".docx", ".docm", ".dotx"];

    public ReadResult Read(Stream stream, string fileName)
    {
        var bytes = StreamBytes.ReadAll(stream);
        if (bytes.Count == 0) return ReadResult.Failed(DiagnosticCodes.EmptyFile, "The file is empty.", fileName);
        using var buffer = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);

        try
        {
            buffer.Position = 0;
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true))
                if (ZipGuard.Check(zip) is { } why)
                    return ReadResult.Failed(DiagnosticCodes.ZipBomb,
                        $"The file was refused as a likely zip bomb: {why}. It was not unpacked.", fileName);
        }
        catch (InvalidDataException ex)
        {
            return ReadResult.Failed(DiagnosticCodes.CorruptFile, $"The .docx is not a valid zip archive ({ex.Message}).", fileName);
        }

        buffer.Position = 0;
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(buffer, false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            return ReadResult.Failed(DiagnosticCodes.CorruptFile,
                $"The file is a zip archive but not a Word document ({ex.Message}).", fileName);
        }

        using (document)
        {
            var main = document.MainDocumentPart;
            if (main?.Document?.Body is not { } body)
                return ReadResult.Failed(DiagnosticCodes.CorruptFile, "The .docx has no document body (word/document.xml).", fileName);

            var numbering = new DocxNumbering(main);
            var paragraphs = new List<string>();
            foreach (var block in body.ChildElements) AddBlock(block, numbering, paragraphs);
            var text = TextNormalizer.NormalizeParagraphs(paragraphs);
            if (text.Length == 0) return ReadResult.Failed(DiagnosticCodes.EmptyFile, "The document holds no text.", fileName);
            return new(new SourceText(fileName, SourceFormat.Docx, text, null), []);
        }
    }

    private static void AddBlock(OpenXmlElement block, DocxNumbering numbering, List<string> paragraphs)
    {
        switch (block)
        {
            case Paragraph p:
                var number = numbering.Next(p);
                var content = ParagraphText(p);
                paragraphs.Add(number + content);
                break;
            case Table table:
                foreach (var row in table.Elements<TableRow>())
                    paragraphs.Add(string.Join("|", row.Elements<TableCell>().Select(c => CellText(c).Trim())));
                break;
            case SdtBlock sdt when sdt.SdtContentBlock is { } sdtContent:
                foreach (var inner in sdtContent.ChildElements) AddBlock(inner, numbering, paragraphs);
                break;
            case CustomXmlBlock custom:
                foreach (var inner in custom.ChildElements) AddBlock(inner, numbering, paragraphs);
                break;
        }
    }

    private static string CellText(TableCell cell)
    {
        var parts = new List<string>();
        foreach (var element in cell.ChildElements)
        {
            if (element is Paragraph p) parts.Add(ParagraphText(p).Replace('\n', ' '));
            else if (element is Table nested)
                parts.AddRange(nested.Descendants<TableRow>().Select(r => string.Join(" ", r.Descendants<Paragraph>().Select(ParagraphText))));
        }
        return string.Join(" ", parts.Where(t => t.Length > 0));
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t when !IsHidden(t):
                    sb.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    sb.Append(' ');
                    break;
                case Break { Type: null } or CarriageReturn:
                    sb.Append('\n');
                    break;
                case Break b when b.Type?.Value == BreakValues.TextWrapping:
                    sb.Append('\n');
                    break;
                case NoBreakHyphen:
                    sb.Append('-');
                    break;
            }
        }
        return sb.ToString();
    }

    private static bool IsHidden(Text text) => text.Parent is Run { RunProperties.Vanish: { } vanish } && (vanish.Val?.Value ?? true);
}
