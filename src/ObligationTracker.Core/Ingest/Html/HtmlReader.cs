using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ObligationTracker.Core.Diagnostics;

namespace ObligationTracker.Core.Ingest.Html;

/// <summary>Reads a web page with AngleSharp: the main text only (scripts, styles, navigation, headers, footers and
/// asides dropped; the element holding most of the page's non-link CJK text chosen), paragraphs and &lt;br&gt; kept.</summary>
public sealed partial class HtmlReader : IDocumentReader
{
    private static readonly HtmlParser Parser = new();

    public IReadOnlyList<string> Extensions { get; } = [".html", ".htm", ".xhtml", ".shtml"];

    public ReadResult Read(Stream stream, string fileName)
    {
        var bytes = StreamBytes.ReadAll(stream);
        if (bytes.Count == 0) return ReadResult.Failed(DiagnosticCodes.EmptyFile, "The file is empty.", fileName);

        var document = Parser.ParseDocument(Decode(bytes));
        var body = document.Body;
        if (body is null || body.LocalName != "body")
            return ReadResult.Failed(DiagnosticCodes.HtmlWithoutBody,
                "The HTML page has no body (a frameset or an empty page); save the page that holds the regulation itself.", fileName);

        HtmlMainText.RemoveChrome(body);
        var main = HtmlMainText.FindMain(body);
        var lines = new List<string>();
        // A page title (h1) often stands outside the article container; keep it.
        if (body.QuerySelector("h1") is { } h1 && !main.Contains(h1))
            lines.Add(h1.TextContent);
        HtmlMainText.CollectLines(main, lines);
        var text = TextNormalizer.NormalizeParagraphs(lines);
        if (text.Length == 0)
            return ReadResult.Failed(DiagnosticCodes.HtmlWithoutBody,
                "The HTML page has no text in its body (perhaps it is filled in by JavaScript); save the page as it is displayed, or as text.", fileName);
        return new(new SourceText(fileName, SourceFormat.Html, text, null), []);
    }

    /// <summary>BOM, then a declared charset (meta), then strict UTF-8, then detection with GB18030 as the fallback.</summary>
    private static string Decode(ArraySegment<byte> bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..] or [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..]) return TextDecoder.Decode(bytes).Text;
        var head = Encoding.Latin1.GetString(bytes.AsSpan(0, Math.Min(bytes.Count, 4096)));
        if (Charset().Match(head) is { Success: true } m && TextDecoder.ByName(m.Groups[1].Value) is { } declared)
        {
            // A page that declares GBK but is valid UTF-8 was re-saved without fixing the meta tag; trust the bytes.
            var decoded = TextDecoder.Decode(bytes);
            return decoded.EncodingName == "utf-8" && declared.WebName != "utf-8" && !IsAscii(bytes) ? decoded.Text : declared.GetString(bytes);
        }
        return TextDecoder.Decode(bytes).Text;
    }

    private static bool IsAscii(ArraySegment<byte> bytes) => System.Text.Ascii.IsValid(bytes);

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();
}
