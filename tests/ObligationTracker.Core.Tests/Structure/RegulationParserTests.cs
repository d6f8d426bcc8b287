using Xunit;
using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Tests.Structure;

/// <summary>The parser on small texts written for these tests in the style of real rules (normalised: one paragraph a line).</summary>
public class RegulationParserTests
{
    private static readonly RegulationParser Parser = new();

    private static string Lines(params string[] lines) => string.Join("\n", lines);

    private const string NoticeWithRegulation =
        "国家金融监督管理总局关于印发《商业银行客户回访管理办法》的通知\n" +
        "金规〔2025〕31号\n" +
        "各金融监管局，各政策性银行、大型银行、股份制银行：\n" +
        "现将《商业银行客户回访管理办法》印发给你们，请遵照执行。\n" +
        "国家金融监督管理总局\n" +
        "2025年4月3日\n" +
        "商业银行客户回访管理办法\n" +
        "第一章总则\n" +
        "第一条为规范商业银行客户回访工作，保护金融消费者合法权益，制定本办法。\n" +
        "第二条商业银行开展客户回访，应当遵循下列原则：\n" +
        "（一）依法合规；\n" +
        "（二）审慎稳健，具体包括：\n" +
        "1.回访记录完整；\n" +
        "2.回访结果可追溯；\n" +
        "（三）保护客户信息。\n" +
        "商业银行应当依照本办法第五条规定建立回访制度。\n" +
        "第二章回访管理\n" +
        "第一节回访范围\n" +
        "第三条商业银行销售风险等级较高的产品，应当在销售后十五个工作日内完成回访。\n" +
        "第二节回访记录\n" +
        "第四条回访记录应当保存不少于五年。\n" +
        "第三章附则\n" +
        "第五条本办法自2025年7月1日起施行。\n" +
        "附件\n" +
        "客户回访记录要素\n" +
        "第一条回访时间。\n" +
        "第二条回访人员。";

    [Fact]
    public void Parse_NoticeIssuingRegulation_TakesTitleAndMetadataOfTheRegulation()
    {
        var r = Parser.Parse("/some/dir/rule.md", NoticeWithRegulation);

        Assert.Equal("rule.md", r.File);
        Assert.Equal("商业银行客户回访管理办法", r.Title);
        Assert.Equal(["国家金融监督管理总局"], r.Issuers);
        Assert.Equal("金规〔2025〕31号", r.DocumentNumber);
        Assert.Equal(new DateOnly(2025, 4, 3), r.Issued);
        Assert.Equal(new DateOnly(2025, 7, 1), r.Effective);
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void Parse_NoticeIssuingRegulation_KeepsTheNoticeAsItsOwnSpan()
    {
        var r = Parser.Parse("rule.md", NoticeWithRegulation);

        Assert.NotNull(r.Notice);
        var notice = r.Text.Substring(r.Notice.Value.Start, r.Notice.Value.Length);
        Assert.StartsWith("国家金融监督管理总局关于印发", notice, StringComparison.Ordinal);
        Assert.EndsWith("2025年4月3日", notice, StringComparison.Ordinal);
        Assert.True(r.Articles[0].Span.Start > r.Notice.Value.End);
    }

    [Fact]
    public void Parse_ChaptersAndSections_AreGivenToTheirArticles()
    {
        var r = Parser.Parse("rule.md", NoticeWithRegulation);
        var main = r.Articles.Where(a => !a.InAttachment).ToList();

        Assert.Equal([1, 2, 3, 4, 5], main.Select(a => a.Number));
        Assert.Equal("第一章总则", main[0].Chapter);
        Assert.Null(main[0].Section);
        Assert.Equal(("第二章回访管理", "第一节回访范围"), (main[2].Chapter, main[2].Section));
        Assert.Equal("第二节回访记录", main[3].Section);
        Assert.Equal(("第三章附则", (string?)null), (main[4].Chapter, main[4].Section));
        Assert.Equal("第二条", main[1].Heading);
    }

    [Fact]
    public void Parse_AttachmentAfterTheBody_MarksItsArticlesWithoutBreakingTheNumbering()
    {
        var r = Parser.Parse("rule.md", NoticeWithRegulation);

        var attached = r.Articles.Where(a => a.InAttachment).ToList();
        Assert.Equal([1, 2], attached.Select(a => a.Number));
        Assert.Equal("回访时间。", attached[0].Text);
        Assert.Null(attached[0].Chapter);
        Assert.DoesNotContain(r.Diagnostics, d => d.Code is DiagnosticCodes.ArticleDuplicate or DiagnosticCodes.ArticleGap);
    }

    /// <summary>Opinions in points with two guidelines attached, each numbered from 第一条, listed at the body's end first.</summary>
    private const string NoticeWithTwoAttachments =
        "国家金融监督管理总局关于做好示范账户服务工作的指导意见\n" +
        "金规〔2025〕32号\n" +
        "一、各银行应当参照《示范开户指引》（附件1）优化开户服务。\n" +
        "二、各银行应当参照《示范代发指引》（附件2）开展代发业务。\n" +
        "附件：1.示范开户指引\n" +
        "2.示范代发指引\n" +
        "国家金融监督管理总局\n" +
        "2025年4月3日\n" +
        "附件1\n" +
        "示范开户指引\n" +
        "第一条为优化开户服务，制定本指引。\n" +
        "第二条银行应当公示开户流程。\n" +
        "附件2\n" +
        "示范代发指引\n" +
        "第一条为规范代发业务，制定本指引。";

    [Fact]
    public void Parse_TwoAttachmentsNumberedAnew_EachArticleKnowsItsAttachment()
    {
        var r = Parser.Parse("notice.md", NoticeWithTwoAttachments);

        Assert.Equal([(1, 0), (2, 0), (1, 1), (2, 1), (1, 2)], r.Articles.Select(a => (a.Number, a.Attachment)));
        Assert.All(r.Articles, a => Assert.Equal(a.Attachment > 0, a.InAttachment));
    }

    [Fact]
    public void Parse_AttachmentsWithoutNumbers_NumberedInTheirOrder()
    {
        var text = NoticeWithTwoAttachments.Replace("附件1\n", "附件\n", StringComparison.Ordinal).Replace("附件2\n", "附件\n", StringComparison.Ordinal);

        var r = Parser.Parse("notice.md", text);

        Assert.Equal([0, 0, 1, 1, 2], r.Articles.Select(a => a.Attachment));
    }

    [Theory]
    [InlineData("附件2", 2)]
    [InlineData("附件二：示范代发指引", 2)]
    [InlineData("附表１", 1)]
    [InlineData("附件", null)]
    [InlineData("附件：1.示范开户指引", null)]
    [InlineData("附：示范代发指引", null)]
    public void AttachmentNumber_TheNumberTheHeadingGives(string heading, int? expected) =>
        Assert.Equal(expected, Markers.AttachmentNumber(heading));

    [Fact]
    public void Parse_ItemListInsideArticle_BelongsToTheParagraphThatIntroducesIt()
    {
        var article = Parser.Parse("rule.md", NoticeWithRegulation).Articles[1];

        Assert.Equal(2, article.Paragraphs.Count);
        var lead = article.Paragraphs[0];
        Assert.StartsWith("商业银行开展客户回访，应当遵循下列原则：\n（一）依法合规；", lead.Text, StringComparison.Ordinal);
        Assert.Equal(["（一）", "（二）", "（三）"], lead.Items.Select(i => i.Marker));
        Assert.Equal([1, 2, 3], lead.Items.Select(i => i.Number));
        Assert.Equal("依法合规；", lead.Items[0].Text);
        Assert.Equal("保护客户信息。", lead.Items[2].Text);
        Assert.Equal("商业银行应当依照本办法第五条规定建立回访制度。", article.Paragraphs[1].Text);
        Assert.Empty(article.Paragraphs[1].Items);
    }

    [Fact]
    public void Parse_NumberedLinesUnderAnItem_BecomeItsSubItems()
    {
        var item = Parser.Parse("rule.md", NoticeWithRegulation).Articles[1].Paragraphs[0].Items[1];

        Assert.Equal("审慎稳健，具体包括：\n1.回访记录完整；\n2.回访结果可追溯；", item.Text);
        Assert.Equal(["1.", "2."], item.SubItems.Select(s => s.Marker));
        Assert.Equal("回访结果可追溯；", item.SubItems[1].Text);
    }

    [Fact]
    public void Parse_EveryOffset_PointsAtItsTextInTheRegulation()
    {
        var r = Parser.Parse("rule.md", NoticeWithRegulation);

        foreach (var article in r.Articles)
        {
            var whole = r.Text.Substring(article.Span.Start, article.Span.Length);
            Assert.StartsWith(article.Heading, whole, StringComparison.Ordinal);
            Assert.EndsWith(article.Paragraphs[^1].Text, whole, StringComparison.Ordinal);
            foreach (var p in article.Paragraphs)
            {
                Assert.Equal(p.Text, r.Text.Substring(p.Start, p.Text.Length));
                foreach (var item in p.Items.Concat(p.Items.SelectMany(i => i.SubItems)))
                    Assert.Equal(item.Text, r.Text.Substring(item.Start, item.Text.Length));
            }
        }

        Assert.Equal(r.Text.IndexOf("第三条商业银行销售", StringComparison.Ordinal), r.Articles[2].Span.Start);
        Assert.Equal(r.Text.IndexOf("商业银行销售风险", StringComparison.Ordinal), r.Articles[2].Paragraphs[0].Start);
        Assert.Equal(r.Text.IndexOf("回访结果可追溯", StringComparison.Ordinal), r.Articles[1].Paragraphs[0].Items[1].SubItems[1].Start);
    }

    [Fact]
    public void Parse_ParagraphInsideAnItem_StaysWithTheItemWhenTheNumberingResumes()
    {
        var text = Lines(
            "示范办法",
            "第一条机构应当报告下列事项：",
            "（一）重大投资。",
            "本项所称重大投资，是指超过净资产百分之十的投资。",
            "（二）重大诉讼。",
            "有前款第（一）项情形的，机构应当在五个工作日内报告。");

        var r = Parser.Parse("continued.txt", text);

        var article = Assert.Single(r.Articles);
        Assert.Equal(2, article.Paragraphs.Count);
        var items = article.Paragraphs[0].Items;
        Assert.Equal(["（一）", "（二）"], items.Select(i => i.Marker));
        Assert.Equal("重大投资。\n本项所称重大投资，是指超过净资产百分之十的投资。", items[0].Text);
        Assert.Equal("有前款第（一）项情形的，机构应当在五个工作日内报告。", article.Paragraphs[1].Text);
    }

    [Fact]
    public void Parse_ItemsWrittenOnOneLine_AreSplitAtTheirMarkers()
    {
        var text = Lines(
            "示范办法",
            "第一条有下列情形之一的，责令改正：（一）未按规定报告；（二）未按规定披露；（三）拒绝检查。",
            "第二条票据应当记载下列事项：",
            "(一)表明票据的字样；(二)无条件支付的委托；",
            "(三)确定的金额；(四)出票日期。",
            "第三条利率不得超过基准的1.5倍；超过的，按照本办法第一条（二）处理。");

        var r = Parser.Parse("inline.txt", text);

        var first = Assert.Single(r.Articles[0].Paragraphs);
        Assert.Equal(["未按规定报告；", "未按规定披露；", "拒绝检查。"], first.Items.Select(i => i.Text));
        var second = Assert.Single(r.Articles[1].Paragraphs);
        Assert.Equal([1, 2, 3, 4], second.Items.Select(i => i.Number));
        Assert.Equal(["表明票据的字样；", "无条件支付的委托；", "确定的金额；", "出票日期。"], second.Items.Select(i => i.Text));
        Assert.All(second.Items, i => Assert.Equal(i.Text, r.Text.Substring(i.Start, i.Text.Length)));
        Assert.Empty(Assert.Single(r.Articles[2].Paragraphs).Items);
    }

    [Fact]
    public void Parse_NoticeInPoints_ParsesEachPointAsAnArticle()
    {
        var text = Lines(
            "中国人民银行关于做好示范账户服务工作的通知",
            "银发〔2025〕88号",
            "各分行、营业管理部：",
            "为提升账户服务水平，现就有关事项通知如下：",
            "一、优化开户流程",
            "（一）简化材料。银行应当精简开户材料。",
            "（二）压缩时限，包括：",
            "1.对公账户三个工作日内办结；",
            "2.个人账户当场办结。",
            "二、加强风险防控",
            "银行应当落实客户尽职调查要求。",
            "三、本通知自印发之日起施行。",
            "中国人民银行",
            "2025年5月6日");

        var r = Parser.Parse("notice.txt", text);

        Assert.Equal("中国人民银行关于做好示范账户服务工作的通知", r.Title);
        Assert.Null(r.Notice);
        Assert.Equal([1, 2, 3], r.Articles.Select(a => a.Number));
        Assert.Equal(["一、", "二、", "三、"], r.Articles.Select(a => a.Heading));
        var items = r.Articles[0].Paragraphs[0].Items;
        Assert.Equal("优化开户流程", r.Articles[0].Paragraphs[0].Text[..6]);
        Assert.Equal(["（一）", "（二）"], items.Select(i => i.Marker));
        Assert.Equal(["对公账户三个工作日内办结；", "个人账户当场办结。"], items[1].SubItems.Select(s => s.Text));
        Assert.Equal("本通知自印发之日起施行。", r.Articles[2].Text);
        Assert.Equal("银发〔2025〕88号", r.DocumentNumber);
        Assert.Equal(["中国人民银行"], r.Issuers);
        Assert.Equal(new DateOnly(2025, 5, 6), r.Issued);
        Assert.Equal(r.Issued, r.Effective);
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void Parse_PointsNumberedAnewInEachChapter_NumbersThemOnAcrossTheRegulation()
    {
        var text = Lines("示范监测工作指引", "第一章 总则", "一、甲应当报告。", "二、乙应当备案。", "第二章 标准", "一、丙应当评估。", "二、丁应当整改。");

        var r = Parser.Parse("guide.txt", text);

        Assert.Equal([1, 2, 3, 4], r.Articles.Select(a => a.Number));
        Assert.Equal(["一、", "二、", "一、", "二、"], r.Articles.Select(a => a.Heading));
        Assert.Equal("丙应当评估。", r.Articles[2].Text);
        Assert.Equal("第二章 标准", r.Articles[2].Chapter);
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void Parse_PointFive_IsArticleFive()
    {
        var text = Lines("关于示范工作的意见", "一、甲。", "二、乙。", "三、丙。", "四、丁。", "五、戊。");
        var r = Parser.Parse("opinion.txt", text);
        Assert.Equal(5, r.Articles[4].Number);
        Assert.Equal("戊。", r.Articles[4].Text);
    }

    [Fact]
    public void Parse_LargeChineseAndArabicNumbers_AreReadAndTheGapIsDiagnosedWithItsLine()
    {
        var text = Lines("示范管理条例", "第一条机构应当报告。", "第一百九十九条机构应当备案。", "第二百条机构应当披露。", "第201条机构应当整改。");

        var r = Parser.Parse("law.txt", text);

        Assert.Equal([1, 199, 200, 201], r.Articles.Select(a => a.Number));
        var gap = Assert.Single(r.Diagnostics);
        Assert.Equal((DiagnosticCodes.ArticleGap, 3), (gap.Code, gap.Line));
        Assert.Equal("law.txt", gap.File);
    }

    [Fact]
    public void Parse_ArticleNumberedTwice_IsDiagnosedAsDuplicate()
    {
        var text = Lines("示范办法", "第一条甲。", "第二条乙。", "第二条丙。", "第三条丁。");

        var r = Parser.Parse("dup.txt", text);

        var duplicate = Assert.Single(r.Diagnostics);
        Assert.Equal((DiagnosticCodes.ArticleDuplicate, 4), (duplicate.Code, duplicate.Line));
        Assert.Equal([1, 2, 2, 3], r.Articles.Select(a => a.Number));
    }

    [Fact]
    public void Parse_ReferenceToAnArticle_DoesNotStartOne()
    {
        var text = Lines(
            "示范办法",
            "第一条机构应当依照本办法第十条规定报告。",
            "第二条机构应当建立制度。",
            "第十条规定的情形，由监管机构认定。",
            "第三条本办法自公布之日起施行。");

        var r = Parser.Parse("ref.txt", text);

        Assert.Equal([1, 2, 3], r.Articles.Select(a => a.Number));
        Assert.Equal("机构应当建立制度。\n第十条规定的情形，由监管机构认定。", r.Articles[1].Text);
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void Parse_ArticleGluedToThePreviousSentence_IsSplitOff()
    {
        var text = Lines("示范办法", "第一章总则", "第一条甲。", "第二章罚则第二条乙。第三条丙。");

        var r = Parser.Parse("glued.txt", text);

        Assert.Equal([1, 2, 3], r.Articles.Select(a => a.Number));
        Assert.Equal(("第二章罚则", "第二章罚则"), (r.Articles[1].Chapter, r.Articles[2].Chapter));
        Assert.Equal(("乙。", "丙。"), (r.Articles[1].Text, r.Articles[2].Text));
        Assert.Equal(r.Text.IndexOf("第三条", StringComparison.Ordinal), r.Articles[2].Span.Start);
    }

    [Fact]
    public void Parse_TextWithoutArticles_KeepsTitleAndReportsNoArticles()
    {
        var r = Parser.Parse("memo.txt", Lines("关于示范事项的说明", "这是一段说明文字。", "这是另一段说明文字。"));

        Assert.Equal("关于示范事项的说明", r.Title);
        Assert.Empty(r.Articles);
        Assert.Equal(DiagnosticCodes.NoArticles, Assert.Single(r.Diagnostics).Code);
    }

    [Fact]
    public void Parse_Order_TakesNumberSignatureDateAndTitleAboveTheBody()
    {
        var text = Lines(
            "国家金融监督管理总局令",
            "2025年第3号",
            "《保险机构示范管理办法》已于2025年1月10日经国家金融监督管理总局局务会议审议通过，现予公布，自公布之日起施行。",
            "局长张某",
            "二〇二五年二月十四日",
            "保险机构示范管理办法",
            "第一条为规范保险机构示范业务，制定本办法。",
            "第二条本办法自公布之日起施行。");

        var r = Parser.Parse("order.txt", text);

        Assert.Equal("保险机构示范管理办法", r.Title);
        Assert.Equal("国家金融监督管理总局令2025年第3号", r.DocumentNumber);
        Assert.Equal(["国家金融监督管理总局"], r.Issuers);
        Assert.Equal(new DateOnly(2025, 2, 14), r.Issued);
        Assert.Equal(new DateOnly(2025, 2, 14), r.Effective);
        Assert.Equal(2, r.Articles.Count);
    }

    [Fact]
    public void Parse_JointRuleSignedByTwoIssuers_ListsBoth()
    {
        var text = Lines(
            "中国人民银行 国家金融监督管理总局关于印发《示范贷款管理办法》的通知",
            "银发〔2025〕12号",
            "现将《示范贷款管理办法》印发给你们，请遵照执行。",
            "中国人民银行",
            "国家金融监督管理总局",
            "2025年1月20日",
            "附件",
            "示范贷款管理办法",
            "第一条为规范示范贷款，制定本办法。",
            "第二条本办法自2025年3月1日起施行。");

        var r = Parser.Parse("joint.txt", text);

        Assert.Equal("示范贷款管理办法", r.Title);
        Assert.Equal(["中国人民银行", "国家金融监督管理总局"], r.Issuers);
        Assert.All(r.Articles, a => Assert.False(a.InAttachment));
        Assert.Equal(new DateOnly(2025, 3, 1), r.Effective);
        var notice = r.Text.Substring(r.Notice!.Value.Start, r.Notice.Value.Length);
        Assert.EndsWith("2025年1月20日", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeadingsGluedToTheirNeighbours_AreStillRecognised()
    {
        var text = Lines(
            "中国人民银行关于印发《示范结算细则》的通知中国人民银行各分行、营业管理部：",
            "现将《示范结算细则》印发给你们，请遵照执行。",
            "一、各分行应当做好宣传工作。",
            "二、执行中的问题，请及时报告。",
            "行长：张某二〇二五年三月一日",
            "附件",
            "示范结算细则",
            "第一条为规范示范结算，制定本细则。",
            "第二条本细则自2025年5月1日起施行。");

        var r = Parser.Parse("glued-notice.txt", text);

        Assert.Equal("示范结算细则", r.Title);
        Assert.Equal([1, 2], r.Articles.Select(a => a.Number));
        Assert.All(r.Articles, a => Assert.False(a.InAttachment));
        Assert.Equal(new DateOnly(2025, 3, 1), r.Issued);
        Assert.Equal(new DateOnly(2025, 5, 1), r.Effective);
    }

    [Fact]
    public void Parse_NoticeInPointsCarryingRulesInPoints_KeepsOnlyTheRulesPoints()
    {
        var text = Lines(
            "中国人民银行关于印发《示范评估办法》的通知",
            "各分行：",
            "一、请各分行组织辖内机构认真学习。",
            "二、执行中的问题请及时报告。",
            "附件：示范评估办法",
            "中国人民银行",
            "2025年2月8日",
            "附件",
            "示范评估办法",
            "一、评估对象",
            "二、评估方法",
            "三、评估结果运用");

        var r = Parser.Parse("points.txt", text);

        Assert.Equal("示范评估办法", r.Title);
        Assert.Equal(["评估对象", "评估方法", "评估结果运用"], r.Articles.Select(a => a.Text));
        Assert.All(r.Articles, a => Assert.False(a.InAttachment));
        var notice = r.Text.Substring(r.Notice!.Value.Start, r.Notice.Value.Length);
        Assert.Contains("二、执行中的问题请及时报告。", notice, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 2, 8), r.Issued);
    }

    [Fact]
    public void Parse_EmptyText_GivesARegulationWithDiagnostics()
    {
        var r = Parser.Parse("empty.txt", "");

        Assert.Empty(r.Articles);
        Assert.Equal("empty", r.Title);
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.NoArticles);
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.NoTitle);
    }
}
