using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Ingest.Pdf;

/// <summary>Drops the site chrome of web pages printed to PDF: navigation and the 索引号/发文字号 info box before the
/// text, "related links", URLs, 责任编辑/上一篇/ICP备 after it.</summary>
/// <remarks>
/// Regulators publish many rules only as web pages, and users print them from the browser. The chrome is set in smaller
/// type than the text or is made of hyperlinks, so only a leading or trailing run of such lines (smaller type, under a
/// link, a URL with its link title) that carries a web marker is dropped, and single smaller lines that are unmistakably
/// web chrome (a URL, 分享到, 发布时间：). Text in small type without such a marker (a table, a note) stays.
/// </remarks>
internal static partial class WebPageChromeFilter
{
    private const double SmallerThanBody = 0.9;

    public static List<List<PdfLine>> Apply(List<List<PdfLine>> pages, double bodySize)
    {
        var all = pages.SelectMany(p => p).ToList();
        if (all.Count == 0 || bodySize <= 0) return pages;
        bool Small(PdfLine l) => l.FontSize < SmallerThanBody * bodySize;

        var drop = new HashSet<PdfLine>(ReferenceEqualityComparer.Instance);
        var leading = all.TakeWhile(Small).ToList();
        if (leading.Any(l => WebMarker().IsMatch(l.Text) || InfoBoxMarker().IsMatch(l.Text))) drop.UnionWith(leading);

        var trailing = new List<PdfLine>();
        for (var i = all.Count - 1; i >= 0; i--)
        {
            var l = all[i];
            var beforeUrl = i + 1 < all.Count && trailing.Count > 0 && UrlLine().IsMatch(all[i + 1].Text); // a link's title
            var introducesLinks = trailing.Count > 0 && LinksIntro().IsMatch(l.Text);                  // 附：/相关链接：
            var chromeLink = l.IsLink && !AttachmentFile().IsMatch(l.Text); // a link to 附件.doc is content
            if (!(Small(l) || chromeLink || WebMarker().IsMatch(l.Text) || beforeUrl || introducesLinks)) break;
            trailing.Add(l);
        }
        if (trailing.Any(l => l.IsLink && !AttachmentFile().IsMatch(l.Text) || WebMarker().IsMatch(l.Text) || InfoBoxMarker().IsMatch(l.Text)))
            drop.UnionWith(trailing);

        drop.UnionWith(all.Where(l => Small(l) && WebMarker().IsMatch(l.Text)));
        return drop.Count == 0 ? pages : [.. pages.Select(p => p.Where(l => !drop.Contains(l)).ToList())];
    }

    /// <summary>Drops "related links" that end a printed page: URL paragraphs, the link title before each, and a
    /// 附：/相关链接： that introduces them. Works on paragraphs, since a title or a URL may wrap over lines.</summary>
    public static List<string> DropTrailingLinks(List<string> paragraphs)
    {
        var keep = paragraphs.Count;
        var sawUrl = false;
        while (keep > 0)
        {
            var p = paragraphs[keep - 1].Trim();
            if (UrlParagraph().IsMatch(p)) sawUrl = true;
            else if (!(sawUrl && (UrlParagraph().IsMatch(paragraphs[keep].Trim()) || LinksIntro().IsMatch(p)))) break;
            keep--;
        }
        return sawUrl ? paragraphs[..keep] : paragraphs;
    }

    [GeneratedRegex(@"https?://|www\.|发布时间[:：]|分享到|责任编辑|扫一扫|上一篇|下一篇|ICP备|公网安备|网站标识码|版权所有|当前位置|首页\s*>|无障碍|打印本页|关闭窗口|我要纠错")]
    private static partial Regex WebMarker();

    [GeneratedRegex(@"^\s*(https?://|www\.)\S+\s*$")]
    private static partial Regex UrlLine();

    [GeneratedRegex(@"^(https?://|www\.)[A-Za-z0-9:/?&=._%#~+\-]+$")]
    private static partial Regex UrlParagraph();

    [GeneratedRegex(@"\.(docx?|pdf|xlsx?|wps|et|ofd|zip|rar)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AttachmentFile();

    [GeneratedRegex(@"^\s*(附|相关链接|相关阅读|相关文件|相关解读)\s*[:：]?\s*$")]
    private static partial Regex LinksIntro();

    [GeneratedRegex(@"索\s*引\s*号|主题分类|发文字号[:：]|成文日期[:：]|公文种类|发文机关[:：]|办文部门|公文名称")]
    private static partial Regex InfoBoxMarker();
}
