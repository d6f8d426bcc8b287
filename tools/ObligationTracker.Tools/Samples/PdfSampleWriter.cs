using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace ObligationTracker.Tools.Samples;

/// <summary>Lays a sample source out as a printed official document (公文): A4, 16 pt, 28 characters a line.</summary>
/// <remarks>
/// What a reader has to undo is deliberate: lines broken wherever the width ends (mid-word, mid-sentence, across pages),
/// a two-character first-line indent, a running header from page 2, page numbers <c>- N -</c> alternating right and left,
/// spaces not drawn (only the gap remains), a red masthead and rule.
/// </remarks>
internal sealed class PdfSampleWriter
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Left = 79.4;
    private const double TextWidth = 441.0;
    private const double BodySize = 15.75;
    private const double LineHeight = 28.9;
    private const double TopBaseline = 724.0;
    private const double BottomBaseline = 112.0;
    private const string NoLineStart = "，。、；：？！）》」』”’〕%";
    private const string NoLineEnd = "（《「『“‘〔";

    private readonly PdfDocumentBuilder _builder;
    private readonly PdfFontPool _fonts;
    private readonly Dictionary<(char, double), double> _widths = [];
    private PdfPageBuilder _page = null!;
    private int _pageNumber;
    private double _y;
    private string? _header;

    private PdfSampleWriter(PdfDocumentBuilder builder, byte[] fontBytes)
    {
        _builder = builder;
        _fonts = new PdfFontPool(builder, fontBytes);
    }

    public static byte[] Write(IReadOnlyList<SampleLine> lines, byte[] fontBytes, string title)
    {
        using var builder = new PdfDocumentBuilder { IncludeDocumentInformation = true };
        var writer = new PdfSampleWriter(builder, fontBytes);
        writer._builder.DocumentInformation.Title = title;
        writer._builder.DocumentInformation.Creator = "ot-tools make-samples";
        writer._builder.DocumentInformation.Producer = "ot-tools make-samples (PdfPig)";
        writer._builder.DocumentInformation.CreationDate = "D:20260101000000Z";
        writer.NewPage();
        foreach (var line in lines) writer.Add(line);
        writer.Footer();
        return FixedFileId(builder.Build());
    }

    /// <summary>Replaces the random file identifier PdfPig writes (two GUIDs) by a hash of the content, of the same length.</summary>
    private static byte[] FixedFileId(byte[] pdf)
    {
        var marker = "/ID [ <"u8;
        var at = pdf.AsSpan().LastIndexOf(marker);
        if (at < 0) return pdf;
        var hex = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(pdf.AsSpan(0, at)))[..32];
        var first = at + marker.Length;
        var second = pdf.AsSpan(first).IndexOf("><"u8) + first + 2;
        System.Text.Encoding.ASCII.GetBytes(hex).CopyTo(pdf, first);
        System.Text.Encoding.ASCII.GetBytes(hex).CopyTo(pdf, second);
        return pdf;
    }

    private void Add(SampleLine line)
    {
        switch (line.Kind)
        {
            case SampleLineKind.Header:
                _header = line.Text;
                break;
            case SampleLineKind.PageBreak:
                Footer();
                NewPage();
                break;
            case SampleLineKind.RedHead:
                _y -= 20;
                _page.SetTextAndFillColor(210, 0, 0);
                Block(line.Text, 30, 48, Align.Center, indent: 0);
                _page.ResetColor();
                break;
            case SampleLineKind.Rule:
                _page.SetStrokeColor(210, 0, 0);
                _page.DrawLine(new PdfPoint(Left, _y + 12), new PdfPoint(Left + TextWidth, _y + 12), 1.5);
                _page.ResetColor();
                _y -= LineHeight;
                break;
            case SampleLineKind.Title:
                _y -= 8;
                Block(line.Text, 21.75, 36, Align.Center, indent: 0);
                _y -= 8;
                break;
            case SampleLineKind.Center:
                Block(line.Text, BodySize, LineHeight, Align.Center, indent: 0);
                break;
            case SampleLineKind.Right:
                Block(line.Text, BodySize, LineHeight, Align.Right, indent: 0);
                break;
            case SampleLineKind.Left:
                Block(line.Text, BodySize, LineHeight, Align.Left, indent: 0);
                break;
            case SampleLineKind.Article:
                Block(line.Marker + "　" + line.Text, BodySize, LineHeight, Align.Left, indent: 2);
                break;
            case SampleLineKind.Item:
                Block(line.Marker + line.Text, BodySize, LineHeight, Align.Left, indent: 2);
                break;
            case SampleLineKind.Body:
                Block(line.Text, BodySize, LineHeight, Align.Left, indent: 2);
                break;
            default:
                throw new InvalidOperationException($"{line.Kind} is not supported in a .pdf source.");
        }
    }

    private enum Align { Left, Center, Right }

    /// <summary>Wraps a paragraph to the text width and draws it, breaking pages where the bottom margin is reached.</summary>
    private void Block(string text, double size, double lineHeight, Align align, int indent)
    {
        var firstIndent = indent * size;
        var lines = Wrap(text, size, TextWidth - firstIndent, TextWidth);
        for (var i = 0; i < lines.Count; i++)
        {
            if (_y < BottomBaseline)
            {
                Footer();
                NewPage();
            }
            var width = Width(lines[i], size);
            var x = align switch
            {
                Align.Center => Left + (TextWidth - width) / 2,
                Align.Right => Left + TextWidth - width - 2 * size,
                _ => Left + (i == 0 ? firstIndent : 0),
            };
            Draw(lines[i], size, x, _y);
            _y -= lineHeight;
        }
    }

    private List<string> Wrap(string text, double size, double firstWidth, double width)
    {
        var lines = new List<string>();
        var start = 0;
        double used = 0;
        var limit = firstWidth;
        for (var i = 0; i < text.Length; i++)
        {
            var w = CharWidth(text[i], size);
            // Break before text[i], unless it may not start a line (then it hangs in the margin, as Word does).
            if (used + w > limit + 0.01 && i > start && !NoLineStart.Contains(text[i]))
            {
                var end = NoLineEnd.Contains(text[i - 1]) && i - 1 > start ? i - 1 : i;
                lines.Add(text[start..end]);
                start = end;
                used = Width(text[start..(i + 1)], size);
                limit = width;
                continue;
            }
            used += w;
        }
        lines.Add(text[start..]);
        return lines;
    }

    private void Draw(string text, double size, double x, double y)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                x += CharWidth(text[i], size);
                i++;
                continue;
            }
            var font = _fonts.For(text[i]);
            var j = i + 1;
            while (j < text.Length && !char.IsWhiteSpace(text[j]) && ReferenceEquals(_fonts.For(text[j]), font)) j++;
            var run = text[i..j];
            _page.AddText(run, size, new PdfPoint(x, y), font);
            x += Width(run, size);
            i = j;
        }
    }

    private double Width(string text, double size) => text.Sum(c => CharWidth(c, size));

    private double CharWidth(char c, double size)
    {
        if (c == '　') return size;
        if (c == ' ') return size / 2;
        if (_widths.TryGetValue((c, size), out var w)) return w;
        var letters = _page.MeasureText(c.ToString(), size, new PdfPoint(0, 0), _fonts.For(c));
        w = letters.Count == 0 ? size : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
        _widths[(c, size)] = w;
        return w;
    }

    private void NewPage()
    {
        _page = _builder.AddPage(PageWidth, PageHeight);
        _pageNumber++;
        _y = TopBaseline;
        if (_header is not null)
        {
            const double size = 10.5;
            _page.SetTextAndFillColor(90, 90, 90);
            Draw(_header, size, Left + (TextWidth - Width(_header, size)) / 2, PageHeight - 60);
            _page.ResetColor();
            _page.DrawLine(new PdfPoint(Left, PageHeight - 66), new PdfPoint(Left + TextWidth, PageHeight - 66), 0.5);
        }
    }

    private void Footer()
    {
        const double size = 14;
        var text = $"- {_pageNumber} -";
        var width = Width(text, size);
        var x = _pageNumber % 2 == 1 ? Left + TextWidth - width - size : Left + size;
        Draw(text, size, x, 62);
    }
}
