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
        var margins = pages.Select(PageMargins).ToList();
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        PdfLine? previous = null;
        for (var p = 0; p < pages.Count; p++)
        {
            var spacing = TypicalLineSpacing(pages[p]);
            foreach (var line in pages[p])
            {
                if (previous is not null && StartsParagraph(previous, line, margins[previous.Page - 1], margins[p], spacing))
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
        if (line.Left > margins.Left + 0.8 * unit) return true;                     // first-line indent or centred
        if (previous.Right < prevMargins.Right - 1.2 * previous.FontSize) return true; // the line before stopped short
        if (Math.Abs(line.FontSize - previous.FontSize) > 0.15 * previous.FontSize) return true;
        if (previous.Page == line.Page && spacing > 0 && previous.Baseline - line.Baseline > 1.6 * spacing) return true;
        if (HeadingPatterns.StartsSpacedHeading(line.Text)) return true;
        var text = previous.Text.TrimEnd();
        return HeadingPatterns.StartsHeading(line.Text) && text.Length > 0 && SentenceEnd.Contains(text[^1]);
    }

    /// <summary>Body left margin: the smallest line start shared by two lines (one line alone may be a stray);
    /// right margin: the largest line end shared by two lines, else the largest.</summary>
    private static (double Left, double Right) PageMargins(IReadOnlyList<PdfLine> page)
    {
        if (page.Count == 0) return (0, 0);
        var lefts = page.GroupBy(l => Math.Round(l.Left)).Where(g => g.Count() >= 2).Select(g => g.Key).ToList();
        var rights = page.GroupBy(l => Math.Round(l.Right)).Where(g => g.Count() >= 2).Select(g => g.Key).ToList();
        var left = lefts.Count > 0 ? lefts.Min() : page.Min(l => l.Left);
        var maxRight = page.Max(l => l.Right);
        // Ragged right text (no shared line end) or a lone wide line: fall back to the widest line.
        var right = rights.Count > 0 && rights.Max() > maxRight - 3 * page[0].FontSize ? rights.Max() : maxRight;
        return (left - 0.5, right);
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
        // A Latin word broken across lines needs its space back; CJK text joins directly.
        if (paragraph.Length > 0 && char.IsAsciiLetter(paragraph[^1]) && text.Length > 0 && char.IsAsciiLetter(text[0]))
            paragraph.Append(' ');
        paragraph.Append(text);
    }
}
