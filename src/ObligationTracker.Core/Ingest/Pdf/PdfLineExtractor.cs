using System.Text;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;

namespace ObligationTracker.Core.Ingest.Pdf;

/// <summary>Groups a page's letters into lines by baseline, top to bottom, after removing duplicated glyphs.</summary>
/// <remarks>
/// Regulations are single-column, so lines in baseline order are reading order; letters of table cells on one baseline
/// become one line, which is how tables should read. Fake bold (a glyph drawn twice, slightly offset) is removed first.
/// </remarks>
internal static class PdfLineExtractor
{
    public static IReadOnlyList<PdfLine> Extract(Page page)
    {
        var letters = DuplicateOverlappingTextProcessor.Get(page.Letters);
        // Watermarks and margin notes are rotated; keep the horizontal text unless the page itself is rotated.
        var horizontal = letters.Where(l => l.TextOrientation == TextOrientation.Horizontal).ToList();
        var used = horizontal.Count * 2 >= letters.Count ? horizontal : letters.ToList();
        if (used.Count == 0) return [];

        used.Sort((a, b) => b.StartBaseLine.Y.CompareTo(a.StartBaseLine.Y));
        var links = LinkRectangles(page);
        var lines = new List<PdfLine>();
        var current = new List<Letter>();
        double lineY = 0;
        foreach (var letter in used)
        {
            if (current.Count > 0 && Math.Abs(lineY - letter.StartBaseLine.Y) > 0.4 * Size(letter))
            {
                AddLine(page.Number, current, lines, links);
                current.Clear();
            }
            if (current.Count == 0) lineY = letter.StartBaseLine.Y;
            current.Add(letter);
        }
        AddLine(page.Number, current, lines, links);
        return lines;
    }

    private static bool Inside(PdfRectangle r, double x, double y) => x >= r.Left && x <= r.Right && y >= r.Bottom && y <= r.Top;

    private static List<PdfRectangle> LinkRectangles(Page page)
    {
        try
        {
            return [.. page.GetAnnotations()
                .Where(a => a.Type == AnnotationType.Link && a.Action is UriAction)
                .Select(a => a.Rectangle)];
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return []; // a damaged annotation dictionary costs the link hint, not the page
        }
    }

    private static double Size(Letter l) => l.PointSize > 0.5 ? l.PointSize : Math.Max(l.BoundingBox.Height, 1);

    private static void AddLine(int page, List<Letter> letters, List<PdfLine> lines, List<PdfRectangle> links)
    {
        var ordered = letters.OrderBy(l => l.StartBaseLine.X).ToList();
        var visible = ordered.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (visible.Count == 0) return;

        var sizes = visible.Select(Size).Order().ToList();
        var size = sizes[sizes.Count / 2];
        var sb = new StringBuilder();
        Letter? previous = null;
        foreach (var letter in ordered)
        {
            var isSpace = string.IsNullOrWhiteSpace(letter.Value);
            if (previous is not null && !isSpace && letter.StartBaseLine.X - previous.EndBaseLine.X > 0.3 * size
                && sb.Length > 0 && sb[^1] != ' ')
                sb.Append(' ');
            sb.Append(isSpace ? " " : letter.Value);
            previous = letter;
        }
        var left = visible[0].StartBaseLine.X;
        var right = visible.Max(l => Math.Max(l.EndBaseLine.X, l.StartBaseLine.X));
        var baseline = visible.Average(l => l.StartBaseLine.Y);
        // Baselines sit at or just above a link rectangle's bottom: test a point a little above the baseline.
        var linked = links.Count > 0
            && visible.Count(l => links.Any(r => Inside(r, l.StartBaseLine.X + 0.1, l.StartBaseLine.Y + 0.3 * size))) * 5 >= visible.Count * 4;
        lines.Add(new PdfLine(page, sb.ToString().Trim(), left, right, baseline, size, linked));
    }
}
