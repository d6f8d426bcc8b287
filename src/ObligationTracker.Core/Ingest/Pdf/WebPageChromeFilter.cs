using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Ingest.Pdf;

/// <summary>Drops the site chrome of web pages printed to PDF: navigation and the 索引号/发文字号 info box before the
/// text, "related links", URLs, 责任编辑/上一篇/ICP备 after it.</summary>
/// <remarks>
/// Regulators publish many rules only as web pages, and users print them from the browser. The chrome is set in smaller
/// type than the text, so only a leading or trailing run of smaller lines that carries a web marker is dropped, and
/// single smaller lines that are unmistakably web chrome (a URL, 分享到, 发布时间：). Text in small type without such a
/// marker (a table, a note) stays.
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

        var trailing = Enumerable.Reverse(all).TakeWhile(l => Small(l) || WebMarker().IsMatch(l.Text)).ToList();
        if (trailing.Any(l => WebMarker().IsMatch(l.Text) || InfoBoxMarker().IsMatch(l.Text))) drop.UnionWith(trailing);

        drop.UnionWith(all.Where(l => Small(l) && WebMarker().IsMatch(l.Text)));
        return drop.Count == 0 ? pages : [.. pages.Select(p => p.Where(l => !drop.Contains(l)).ToList())];
    }

    [GeneratedRegex(@"https?://|www\.|发布时间[:：]|分享到|责任编辑|扫一扫|上一篇|下一篇|ICP备|公网安备|网站标识码|版权所有|当前位置|首页\s*>|无障碍|打印本页|关闭窗口|我要纠错")]
    private static partial Regex WebMarker();

    [GeneratedRegex(@"索\s*引\s*号|主题分类|发文字号[:：]|成文日期[:：]|公文种类|发文机关[:：]|办文部门|公文名称")]
    private static partial Regex InfoBoxMarker();
}
