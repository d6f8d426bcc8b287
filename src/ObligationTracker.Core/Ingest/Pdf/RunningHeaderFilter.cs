using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Ingest.Pdf;

/// <summary>Drops running headers, footers and page numbers: lines at a page's top or bottom that are a page number
/// (<c>- 3 -</c>, <c>第3页</c>, <c>3/12</c>) or that repeat, digits aside, on many pages.</summary>
internal static partial class RunningHeaderFilter
{
    /// <summary>How many lines at the top and at the bottom of a page may be header or footer.</summary>
    private const int EdgeLines = 3;

    public static List<List<PdfLine>> Apply(IReadOnlyList<IReadOnlyList<PdfLine>> pages)
    {
        var pagesWithText = pages.Count(p => p.Count > 0);
        // A line repeated at the edge of at least half the pages (and on two at least) is running matter.
        var threshold = Math.Max(2, (pagesWithText + 1) / 2);
        var repeated = pages
            .SelectMany(p => EdgeCandidates(p).Select(Mask).Distinct())
            .GroupBy(k => k)
            .Where(g => g.Count() >= threshold && g.Key.Length > 0)
            .Select(g => g.Key)
            .ToHashSet();

        var result = new List<List<PdfLine>>(pages.Count);
        foreach (var page in pages)
        {
            var edge = EdgeCandidates(page).ToHashSet();
            result.Add([.. page.Where(l => !(edge.Contains(l) && (IsPageNumber(l.Text) || repeated.Contains(Mask(l)))))]);
        }
        return result;
    }

    public static bool IsPageNumber(string text) => PageNumber().IsMatch(text.Trim());

    private static IEnumerable<PdfLine> EdgeCandidates(IReadOnlyList<PdfLine> page) =>
        page.Take(EdgeLines).Concat(page.Skip(Math.Max(EdgeLines, page.Count - EdgeLines)));

    /// <summary>The line with digits masked and white space removed: "第3页 共18页" and "第4页 共18页" are the same footer.</summary>
    private static string Mask(PdfLine line) => Digits().Replace(WhiteSpace().Replace(line.Text, ""), "#");

    [GeneratedRegex(@"^([-–—－―~·•\s]*\d{1,4}[-–—－―~·•\s]*|第\s*\d+\s*页.*|-?\s*\d+\s*/\s*\d+\s*-?|(page|p\.)\s*\d+(\s*(of|/)\s*\d+)?|\d+\s*of\s*\d+|共\s*\d+\s*页\s*第\s*\d+\s*页)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
