using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ObligationTracker.Core.Tests.Ingest;

/// <summary>PDFs built at test time with PdfPig's builder, in Courier so that full lines have equal widths.</summary>
internal static class PdfFixtures
{
    public const double Size = 12;
    public const double Left = 72;
    private const double CharWidth = 0.6 * Size; // Courier

    /// <summary>A page = lines of (indent in characters, text); each page also gets a running header and a "- n -" footer.</summary>
    public static byte[] Build(IReadOnlyList<IReadOnlyList<(int Indent, string Text)>> pages, bool fakeBoldFirstLine = false)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Courier);
        for (var p = 0; p < pages.Count; p++)
        {
            var page = builder.AddPage(595, 842);
            page.AddText("EXAMPLE BUREAU GAZETTE", 9, new PdfPoint(220, 800), font);
            var y = 740.0;
            for (var i = 0; i < pages[p].Count; i++)
            {
                var (indent, text) = pages[p][i];
                page.AddText(text, Size, new PdfPoint(Left + indent * CharWidth, y), font);
                if (fakeBoldFirstLine && p == 0 && i == 0)
                    page.AddText(text, Size, new PdfPoint(Left + indent * CharWidth + 0.2, y), font); // drawn twice, offset
                y -= 1.5 * Size;
            }
            page.AddText($"- {p + 1} -", 10, new PdfPoint(280, 40), font);
        }
        return builder.Build();
    }

    public static byte[] BlankPages(int count)
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < count; i++) builder.AddPage(595, 842);
        return builder.Build();
    }
}
