using System.Text;
using AngleSharp.Dom;

namespace ObligationTracker.Core.Ingest.Html;

/// <summary>Finds a page's main text and turns it into lines.</summary>
internal static class HtmlMainText
{
    private static readonly HashSet<string> Dropped =
        ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "button", "select",
         "svg", "canvas", "object", "embed", "audio", "video", "map", "menu", "dialog"];

    /// <summary>class/id words that mark site chrome rather than content.</summary>
    private static readonly string[] ChromeWords =
        ["nav", "navbar", "menu", "breadcrumb", "crumb", "footer", "sidebar", "share", "toolbar", "pagination", "copyright", "topbar", "skip"];

    private static readonly HashSet<string> Blocks =
        ["p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
         "blockquote", "pre", "table", "tbody", "thead", "tfoot", "center", "address", "figure", "figcaption", "hr", "body"];

    public static void RemoveChrome(IElement body)
    {
        var doomed = body.Descendants<IElement>()
            .Where(e => Dropped.Contains(e.LocalName) && !IsArticlePart(e)
                || e.HasAttribute("hidden")
                || e.GetAttribute("role") is "navigation" or "banner" or "contentinfo" or "complementary"
                || (e.GetAttribute("style") ?? "").Replace(" ", "").Contains("display:none", StringComparison.OrdinalIgnoreCase)
                || IsChromeByName(e))
            .ToList();
        foreach (var e in doomed) e.Remove();
    }

    /// <summary>An article's own header (its title) and footer (signature, date) belong to the text.</summary>
    private static bool IsArticlePart(IElement e) =>
        e.LocalName is "header" or "footer" && e.Ancestors<IElement>().Any(a => a.LocalName is "article" or "main");

    /// <summary>The deepest element that still holds 85% of the page's CJK text outside links: the article container
    /// when the page has navigation, the body itself when it has none.</summary>
    public static IElement FindMain(IElement body)
    {
        var total = ContentWeight(body);
        if (total == 0) return body;
        var best = body;
        while (true)
        {
            var next = best.Children.FirstOrDefault(c => ContentWeight(c) >= 0.85 * total);
            if (next is null) return best;
            best = next;
        }
    }

    public static void CollectLines(INode node, List<string> lines)
    {
        var current = new StringBuilder();
        Walk(node, current, lines, preformatted: false);
        Flush(current, lines);
    }

    private static void Walk(INode node, StringBuilder current, List<string> lines, bool preformatted)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(preformatted ? text.Data : CollapseWhiteSpace(text.Data));
                    break;
                case IElement { LocalName: "br" }:
                    Flush(current, lines);
                    break;
                case IElement { LocalName: "tr" } row:
                    Flush(current, lines);
                    lines.Add(string.Join("|", row.Children.Where(c => c.LocalName is "td" or "th").Select(c => CellText(c).Trim())));
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    Flush(current, lines);
                    Walk(element, current, lines, preformatted || element.LocalName == "pre");
                    Flush(current, lines);
                    break;
                case IElement element:
                    Walk(element, current, lines, preformatted);
                    break;
            }
        }
    }

    private static string CellText(IElement cell)
    {
        var lines = new List<string>();
        CollectLines(cell, lines);
        return string.Join(" ", lines.Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    private static void Flush(StringBuilder current, List<string> lines)
    {
        if (current.Length == 0) return;
        lines.Add(current.ToString());
        current.Clear();
    }

    private static string CollapseWhiteSpace(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            // Newlines in HTML source are just spaces; U+3000 and NBSP are real text and kept for the normaliser.
            if (c is ' ' or '\t' or '\r' or '\n' or '\f')
            {
                if (!space) sb.Append(' ');
                space = true;
                continue;
            }
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static int ContentWeight(IElement element)
    {
        var all = CjkCount(element.TextContent);
        var linked = element.QuerySelectorAll("a").Sum(a => CjkCount(a.TextContent));
        return all - linked;
    }

    private static int CjkCount(string text)
    {
        var n = 0;
        foreach (var c in text)
            if (c is >= '\u3400' and <= '\u9FFF') n++;
        return n;
    }

    private static bool IsChromeByName(IElement e)
    {
        if (e.LocalName is "body" or "html" or "main" or "article") return false;
        foreach (var name in (e.ClassName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(e.Id ?? ""))
            foreach (var word in name.ToLowerInvariant().Split('-', '_'))
                if (Array.IndexOf(ChromeWords, word) >= 0) return true;
        return false;
    }
}
