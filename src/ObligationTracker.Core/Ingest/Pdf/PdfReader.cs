using ObligationTracker.Core.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace ObligationTracker.Core.Ingest.Pdf;

/// <summary>Reads a PDF's text layer with PdfPig: lines by baseline, running headers and page numbers dropped (and the
/// site chrome of printed web pages), lines rejoined into paragraphs across pages, then normalised.</summary>
public sealed class PdfReader : IDocumentReader
{
    /// <summary>A page with fewer visible letters than this counts as having no text (a scan may carry a stray word).</summary>
    private const int MinLettersPerTextPage = 10;

    public IReadOnlyList<string> Extensions { get; } = [".pdf"];

    public ReadResult Read(Stream stream, string fileName)
    {
        var bytes = StreamBytes.ReadAll(stream);
        if (bytes.Count == 0) return ReadResult.Failed(DiagnosticCodes.EmptyFile, "The file is empty.", fileName);
        if (!HasEndOfFileMarker(bytes))
            return ReadResult.Failed(DiagnosticCodes.CorruptFile,
                "The PDF is truncated: it has no %%EOF marker at its end. Download or copy it again.", fileName);

        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes.Count == bytes.Array!.Length ? bytes.Array : bytes.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            return Encrypted(fileName);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ReadResult.Failed(DiagnosticCodes.CorruptFile,
                $"The PDF is damaged and could not be opened ({ex.Message}).", fileName);
        }

        using (document)
        {
            var pageCount = document.NumberOfPages;
            var pages = new List<IReadOnlyList<PdfLine>>(pageCount);
            var diagnostics = new List<Diagnostic>();
            var pagesWithText = 0;
            for (var n = 1; n <= pageCount; n++)
            {
                try
                {
                    var page = document.GetPage(n);
                    var lines = PdfLineExtractor.Extract(page);
                    var visible = lines.Sum(l => l.Text.Count(c => !char.IsWhiteSpace(c)));
                    if (visible >= MinLettersPerTextPage) pagesWithText++;
                    else if (page.NumberOfImages > 0)
                        diagnostics.Add(new(DiagnosticSeverity.Warning, DiagnosticCodes.NoTextLayer,
                            "This page is an image without a text layer; its text is missing (it needs OCR).", fileName, n));
                    pages.Add(lines);
                }
                catch (PdfDocumentEncryptedException)
                {
                    return Encrypted(fileName);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    return ReadResult.Failed(DiagnosticCodes.CorruptFile,
                        $"The PDF is damaged: this page could not be read ({ex.Message}).", fileName, page: n);
                }
            }

            if (pagesWithText == 0)
                return ReadResult.Failed(DiagnosticCodes.NoTextLayer,
                    "The PDF has no text layer (its pages are images, e.g. a scan) and needs OCR before it can be ingested.", fileName);

            var unreadable = UnreadableShare(pages);
            if (unreadable > 0.3)
                return ReadResult.Failed(DiagnosticCodes.NoTextLayer,
                    $"The PDF's text layer is unusable ({unreadable:P0} of its characters have no Unicode mapping); it needs OCR.", fileName);

            var body = RunningHeaderFilter.Apply(pages);
            body = WebPageChromeFilter.Apply(body, PdfParagraphBuilder.BodyFontSize(body));
            var paragraphs = WebPageChromeFilter.DropTrailingLinks(PdfParagraphBuilder.Build(body));
            var text = TextNormalizer.NormalizeParagraphs(paragraphs);
            return new(new SourceText(fileName, SourceFormat.Pdf, text, pageCount), diagnostics);
        }
    }

    private static ReadResult Encrypted(string fileName) =>
        ReadResult.Failed(DiagnosticCodes.EncryptedPdf,
            "The PDF is encrypted with a password. Remove the password (e.g. qpdf --decrypt --password=PASSWORD in.pdf out.pdf) and ingest that.",
            fileName);

    /// <summary>Share of characters that are private-use or replacement characters: fonts without a ToUnicode map.</summary>
    private static double UnreadableShare(List<IReadOnlyList<PdfLine>> pages)
    {
        long total = 0, bad = 0;
        foreach (var line in pages.SelectMany(p => p))
            foreach (var c in line.Text)
            {
                if (char.IsWhiteSpace(c)) continue;
                total++;
                if (c is '\uFFFD' or (>= '\uE000' and <= '\uF8FF') || char.IsControl(c)) bad++;
            }
        return total == 0 ? 0 : (double)bad / total;
    }

    private static bool HasEndOfFileMarker(ArraySegment<byte> bytes)
    {
        var tail = bytes.AsSpan(Math.Max(0, bytes.Count - 2048));
        return tail.IndexOf("%%EOF"u8) >= 0;
    }
}
