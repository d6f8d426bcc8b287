using System.Text;

namespace ObligationTracker.Core.Ingest.Pdf;

/// <summary>Rejoins PDF lines into paragraphs, across page breaks too.</summary>
/// <remarks>
/// Chinese regulations are set justified with a two-character first-line indent. A new paragraph therefore starts at a line
/// that is indented (or centred), after a line that stops short of the right margin, after a wider vertical gap, where the
/// font size changes, or at a heading (第X条, 一、, （一）) that follows the end of a sentence. Everything else continues the
/// paragraph, including the first line of a page after a full last line on the page before.
/// </remarks>
internal static class PdfParagraphBuilder
{
    private const string SentenceEnd = "。：:；;！!？?…」』”）)";

    public static List<string> Build(IReadOnlyList<IReadOnlyList<PdfLine>> pages)
    {
        var margins = Margins(pages);
        var bodySize = BodyFontSize(pages);
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        PdfLine? previous = null;
        for (var p = 0; p < pages.Count; p++)
        {
            var spacing = TypicalLineSpacing(pages[p]);
            foreach (var line in pages[p])
            {
                if (previous is not null && StartsParagraph(previous, line, margins[previous.Page - 1], margins[p], spacing)
                    && !ContinuesTitle(previous, line, margins[p], bodySize))
                {
                    paragraphs.Add(current.ToString());
                    current.Clear();
                }
                Append(current, line.Text);
                previous = line;
            }
        }
        if (current.Length > 0) paragraphs.Add(current.ToString());
        return paragraphs;
    }

    private static bool StartsParagraph(PdfLine previous, PdfLine line, (double Left, double Right) prevMargins,
        (double Left, double Right) margins, double spacing)
    {
        var unit = line.FontSize;
        if (previous.Left > prevMargins.Left + 4 * previous.FontSize) return true;   // after a right-aligned line (文号, date)
        if (line.Left > margins.Left + 0.8 * unit) return true;                     // first-line indent or centred
        // The line before stopped short. Line-start rules (no 、，。 at a line start) can push one or two characters to
        // the next line, so a line counts as short only 2+ characters before the margin, or 1+ when it ends a sentence.
        var shortfall = (prevMargins.Right - previous.Right) / previous.FontSize;
        var text = previous.Text.TrimEnd();
        var endsSentence = text.Length > 0 && SentenceEnd.Contains(text[^1]);
        if (shortfall > 2.2 || endsSentence && shortfall > 1.2) return true;
        if (Math.Abs(line.FontSize - previous.FontSize) > 0.15 * previous.FontSize) return true;
        if (previous.Page == line.Page && spacing > 0 && previous.Baseline - line.Baseline > 1.6 * spacing) return true;
        if (HeadingPatterns.StartsSpacedHeading(line.Text)) return true;
        return HeadingPatterns.StartsHeading(line.Text) && endsSentence;
    }

    /// <summary>A centred title over two lines is one paragraph (关于印发…/…的通知): two centred lines in larger type, or a
    /// centred line after a full line that does not end a sentence (a long subtitle wrapped and centred).</summary>
    private static bool ContinuesTitle(PdfLine previous, PdfLine line, (double Left, double Right) margins, double bodySize)
    {
        if (previous.Page != line.Page || Math.Abs(line.FontSize - previous.FontSize) > 0.05 * line.FontSize) return false;
        if (previous.Baseline - line.Baseline > 2.2 * line.FontSize) return false;
        var text = previous.Text.TrimEnd();
        if (text.Length == 0 || SentenceEnd.Contains(text[^1]) || HeadingPatterns.StartsHeading(line.Text)) return false;
        bool Centred(PdfLine l) =>
            l.Left - margins.Left > 1.5 * l.FontSize && Math.Abs((l.Left - margins.Left) - (margins.Right - l.Right)) < 1.5 * l.FontSize;
        var previousFull = margins.Right - previous.Right < 1.5 * previous.FontSize && previous.Left - margins.Left < 1.5 * previous.FontSize;
        return Centred(line) && (line.FontSize >= 1.1 * bodySize && Centred(previous) || previousFull);
    }

    /// <summary>The font size most of the text is set in (by character count).</summary>
    public static double BodyFontSize(IReadOnlyList<IReadOnlyList<PdfLine>> pages) =>
        pages.SelectMany(p => p)
            .GroupBy(l => Math.Round(l.FontSize, 1))
            .OrderByDescending(g => g.Sum(l => l.Text.Length))
            .Select(g => g.Key)
            .FirstOrDefault();

    /// <summary>Margins per page; a page too short to show its own (a last page of two lines) takes the document's.</summary>
    private static List<(double Left, double Right)> Margins(IReadOnlyList<IReadOnlyList<PdfLine>> pages)
    {
        var own = pages.Select(PageMargins).ToList();
        var lefts = own.Where(m => m.Left is not null).Select(m => m.Left!.Value).Order().ToList();
        var rights = own.Where(m => m.Right is not null).Select(m => m.Right!.Value).Order().ToList();
        double? docLeft = lefts.Count > 0 ? lefts[lefts.Count / 2] : null;
        double? docRight = rights.Count > 0 ? rights[rights.Count / 2] : null;
        return [.. pages.Select((page, i) => (
            own[i].Left ?? docLeft ?? (page.Count > 0 ? page.Min(l => l.Left) : 0),
            own[i].Right ?? docRight ?? (page.Count > 0 ? page.Max(l => l.Right) : 0)))];
    }

    /// <summary>Body left margin: the smallest line start shared by two lines (one line alone may be a stray);
    /// right margin: the rightmost line end that at least three lines reach to within half a character
    /// (justified text: the margin; ragged text: about the widest line; a lone wide footer or table row is ignored).
    /// Null where the page does not show one.</summary>
    private static (double? Left, double? Right) PageMargins(IReadOnlyList<PdfLine> page)
    {
        if (page.Count == 0) return (null, null);
        var lefts = page.GroupBy(l => Math.Round(l.Left)).Where(g => g.Count() >= 2).Select(g => g.Min(l => l.Left)).ToList();
        double? left = lefts.Count > 0 ? lefts.Min() - 0.5 : null;

        var unit = page.Select(l => l.FontSize).Order().ElementAt(page.Count / 2);
        var rights = page.Select(l => l.Right).OrderDescending().ToArray();
        double? right = null;
        for (var i = 0; i + 2 < rights.Length; i++)
        {
            if (rights[i] - rights[i + 2] > 0.5 * unit) continue;
            right = rights[i];
            break;
        }
        return (left, right);
    }

    private static double TypicalLineSpacing(IReadOnlyList<PdfLine> page)
    {
        var gaps = new List<double>();
        for (var i = 1; i < page.Count; i++)
        {
            var gap = page[i - 1].Baseline - page[i].Baseline;
            if (gap > 0) gaps.Add(gap);
        }
        if (gaps.Count == 0) return 0;
        gaps.Sort();
        return gaps[gaps.Count / 2];
    }

    private static void Append(StringBuilder paragraph, string text)
    {
        // Latin words broken across lines need their space back; CJK text joins directly, and so does a URL.
        if (paragraph.Length > 0 && (char.IsAsciiLetter(paragraph[^1]) || paragraph[^1] is '.' or ',' or ';' or ':' or '!' or '?')
            && text.Length > 0 && char.IsAsciiLetter(text[0]) && !EndsWithUrl(paragraph))
            paragraph.Append(' ');
        paragraph.Append(text);
    }

    private static bool EndsWithUrl(StringBuilder paragraph)
    {
        var tail = paragraph.ToString(Math.Max(0, paragraph.Length - 200), Math.Min(200, paragraph.Length));
        var lastWord = tail[(tail.LastIndexOf(' ') + 1)..];
        return lastWord.Contains("://", StringComparison.Ordinal) || lastWord.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }
}
