using ObligationTracker.Core.Structure;
using Xunit;

namespace ObligationTracker.Core.Tests.Structure;

/// <summary>The parser on texts stitched at random from the fragments that steer it: it must neither throw nor give an offset
/// that misses its text.</summary>
public class RegulationParserRobustnessTests
{
    private static readonly string[] Fragments =
    [
        "第", "一", "十", "百", "二〇", "条", "章", "节", "部分", "（", "）", "(", ")", "一、", "五、", "1.", "2、", "①", "附件", "附则",
        "：", "。", "；", "\n", "\n", "\n", "关于印发《", "》的通知", "2025年3月1日", "二〇二四年十二月二十七日", "令", "〔2024〕", "第7号",
        "号", " ", "　", "\n第一条", "\n第二条", "\n第三条", "\n第十条", "\n一、", "\n二、", "\n（一）", "\n（二）", "\n(三)", "\n1.",
        "\n2.", "\n第一章", "\n第一节", "\n附件\n", "中国人民银行", "国家金融监督管理总局", "自公布之日起施行", "本办法", "应当", "行长：", "#", "\r",
    ];

    [Fact]
    public void Parse_RandomStitchedTexts_NeverThrowsAndKeepsOffsetsExact()
    {
        var random = new Random(20261127);
        var parser = new RegulationParser();
        int articles = 0, items = 0;
        for (var run = 0; run < 2000; run++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 80)).Select(_ => Fragments[random.Next(Fragments.Length)]));
            var r = parser.Parse("random.txt", text);

            Assert.False(string.IsNullOrEmpty(r.Title));
            if (r.Notice is { } notice) Assert.InRange(notice.End, 0, text.Length);
            articles += r.Articles.Count;
            items += r.Articles.Sum(a => a.Paragraphs.Sum(p => p.Items.Count));
            foreach (var a in r.Articles)
            {
                Assert.InRange(a.Span.End, 0, text.Length);
                Assert.StartsWith(a.Heading, text.Substring(a.Span.Start, a.Span.Length), StringComparison.Ordinal);
                foreach (var p in a.Paragraphs)
                {
                    Assert.Equal(p.Text, text.Substring(p.Start, p.Text.Length));
                    foreach (var i in p.Items.Concat(p.Items.SelectMany(i => i.SubItems)))
                        Assert.Equal(i.Text, text.Substring(i.Start, i.Text.Length));
                }
            }
        }

        // The fragments must actually exercise the article and item paths, or the test proves nothing.
        Assert.True(articles > 500 && items > 50, $"{articles} articles, {items} items");
    }
}
