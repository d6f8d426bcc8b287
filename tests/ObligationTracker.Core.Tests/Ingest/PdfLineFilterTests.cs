using ObligationTracker.Core.Ingest.Pdf;
using Xunit;

namespace ObligationTracker.Core.Tests.Ingest;

/// <summary>Header, footer and web-chrome filtering on lines as the extractor gives them (top to bottom per page).</summary>
public class PdfLineFilterTests
{
    private static readonly string[] Body = ["甲方应当报告", "乙方可以备案", "丙方不得转让"];

    private static PdfLine Line(int page, string text, double y, double size = 16, double left = 90, double right = 505) =>
        new(page, text, left, right, y, size);

    private static List<IReadOnlyList<PdfLine>> ThreePages(Func<int, string> header, Func<int, string> footer) =>
    [
        .. Enumerable.Range(1, 3).Select(p => (IReadOnlyList<PdfLine>)
        [
            Line(p, header(p), 800, 10, 200, 400),
            Line(p, "正文" + Body[p - 1] + "第一行。", 700),
            Line(p, "正文" + Body[p - 1] + "第二行。", 670),
            Line(p, footer(p), 40, 10, 280, 320),
        ]),
    ];

    [Theory]
    [InlineData("- {0} -")]
    [InlineData("— {0} —")]
    [InlineData("第{0}页")]
    [InlineData("第 {0} 页 共 3 页")]
    [InlineData("{0}/3")]
    [InlineData("{0}")]
    public void Apply_PageNumberFooter_Dropped(string footer)
    {
        var pages = RunningHeaderFilter.Apply(ThreePages(p => "页眉" + "甲乙丙"[p - 1], p => string.Format(footer, p)));
        Assert.All(pages, p => Assert.Equal(3, p.Count));
        Assert.DoesNotContain(pages.SelectMany(p => p), l => l.Text == string.Format(footer, 2));
    }

    [Fact]
    public void Apply_HeaderRepeatedOnEveryPage_DroppedEvenWithDifferentDigits()
    {
        var pages = RunningHeaderFilter.Apply(ThreePages(p => $"某某监管委员会令（2018年第{p}号）", _ => ""));
        Assert.DoesNotContain(pages.SelectMany(p => p), l => l.Text.StartsWith("某某监管委员会令"));
        Assert.Equal(6, pages.SelectMany(p => p).Count(l => l.Text.StartsWith("正文")));
    }

    [Fact]
    public void Apply_BodyLinesThatDoNotRepeat_Kept()
    {
        var pages = RunningHeaderFilter.Apply(ThreePages(p => $"第{"一二三"[p - 1]}章 不同的章名{p}", _ => "各页不同"));
        Assert.Equal(3, pages.SelectMany(p => p).Count(l => l.Text.Contains('章')));
    }

    [Fact]
    public void WebChrome_TrailingSmallInfoBoxAndLinks_Dropped()
    {
        List<List<PdfLine>> pages =
        [[
            Line(1, "第一条 本办法自印发之日起施行。", 700),
            Line(1, "标题：某某办法发文机关：某某局", 600, 11),
            Line(1, "发文字号：某发〔2024〕1号来源：某某网站", 580, 11),
            Line(1, "https://www.example.gov.cn/a.html", 560, 11),
        ]];
        var kept = WebPageChromeFilter.Apply(pages, 16).SelectMany(p => p).ToList();
        Assert.Equal(["第一条 本办法自印发之日起施行。"], kept.Select(l => l.Text));
    }

    [Fact]
    public void WebChrome_SmallTypeTableWithoutWebMarkers_Kept()
    {
        List<List<PdfLine>> pages =
        [[
            Line(1, "第一条 按下表报送。", 700),
            Line(1, "机构类型 报送期限", 600, 10),
            Line(1, "商业银行 季后15日", 580, 10),
        ]];
        Assert.Equal(3, WebPageChromeFilter.Apply(pages, 16).SelectMany(p => p).Count());
    }

    [Fact]
    public void DropTrailingLinks_RelatedLinksAfterLastArticle_Dropped()
    {
        List<string> paragraphs =
        [
            "第四十五条 本办法由某某局负责解释。", "附:", "某某局修订发布《某某办法》",
            "https://www.example.gov.cn/view?docId=1&itemId=2", "某某局负责人就《某某办法》答记者问", "https://www.example.gov.cn/view?docId=3",
        ];
        Assert.Equal(["第四十五条 本办法由某某局负责解释。"], WebPageChromeFilter.DropTrailingLinks(paragraphs));
    }

    [Fact]
    public void DropTrailingLinks_AttachmentListAndUrlInsideText_Kept()
    {
        List<string> paragraphs = ["第二十条 申报材料见 https://www.example.gov.cn/a 。", "附件：", "1.某某计算表.doc"];
        Assert.Equal(paragraphs, WebPageChromeFilter.DropTrailingLinks(paragraphs));
    }
}
