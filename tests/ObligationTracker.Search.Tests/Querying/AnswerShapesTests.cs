using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Search.Tests.Querying;

/// <summary>A question's answer shape (a list, a time, a sanction, a permission, who acts, a list of what) raising the
/// article shaped as its answer within its regulation.</summary>
public class AnswerShapesTests
{
    private static readonly string[] Issuer = ["中国人民银行"];

    [Theory]
    [InlineData("大额交易报告多久内提交？", 3)] // a time asked: the article setting the period
    [InlineData("大额交易报告要包括哪些内容？", 4)] // a list asked: the article listing
    [InlineData("大额交易报告 罚则", 5)] // a penalty asked: the article that sanctions
    [InlineData("大额交易报告 条件", 4)] // a noun that heads a list
    public void Search_QuestionAskingForATimeAListOrAPenalty_RaisesTheArticleShapedAsItsAnswer(string question, int answer)
    {
        using var test = TestIndex.With(Samples.Make("sample_reports.md", "示例报告办法", null, Issuer, new DateOnly(2099, 1, 1),
            (1, "机构应当建立大额交易报告制度。"),
            (2, "提交大额交易报告，内容应当真实。"),
            (3, "机构应当自交易发生之日起提交大额交易报告。"),
            (4, "大额交易报告包括下列事项：（一）交易主体；（二）交易金额。"),
            (5, "未按规定提交大额交易报告的，由人民银行责令限期改正。")));

        // The first-mention lift is left out: the shape alone is compared.
        var without = RankingTests.Articles(test.Index, question, QueryWeights.Default with { AnswerShape = 0, FirstMention = 0 });
        var with = RankingTests.Articles(test.Index, question, QueryWeights.Default with { FirstMention = 0 });

        Assert.True(without.IndexOf(answer) > 0, $"control: article {answer} not first without the shape ({string.Join(",", without)})");
        Assert.Equal(answer, with[0]);
    }

    [Theory]
    [InlineData("违规怎么处罚", true)]
    [InlineData("未报送数据的处罚", true)]
    [InlineData("立功能否从轻处罚", false)] // the grounds for a lighter penalty, not the sanction
    [InlineData("哪些情形不予处罚", false)]
    [InlineData("减轻行政处罚的条件", false)]
    public void Asked_LighterOrHeavierPenalty_IsNotAQuestionAfterTheSanction(string question, bool penalty)
    {
        Assert.Equal(penalty, AnswerShapes.Asked(question).Contains(ArticleFields.RolePenalty));
    }

    [Fact]
    public void Search_WhetherAllowedAsked_RaisesTheArticleThatForbidsIt()
    {
        // The modalities as obligation mining tags them at ingest: a duty, a prohibition.
        using var test = TestIndex.With(Samples.Make("sample_agency.md", "示例代销办法", null, Issuer, new DateOnly(2099, 1, 1),
            (1, "商业银行开展代销业务，代销产品的风险等级应当与客户匹配，代销业务应当留存记录。"),
            (2, "商业银行不得代销未经审批的产品。")),
            RegulationStatus.InForce, a => new ArticleTags(["商业银行"], [a.Number == 2 ? "prohibition" : "obligation"]));
        const string question = "商业银行能不能代销产品";

        var without = RankingTests.Articles(test.Index, question, QueryWeights.Default with { AnswerShape = 0, FirstMention = 0 });
        var with = RankingTests.Articles(test.Index, question, QueryWeights.Default with { FirstMention = 0 });

        Assert.Equal(1, without[0]); // control: the article naming 代销 three times
        Assert.Equal(2, with[0]);
    }

    [Fact]
    public void Search_HowManyYearsAsked_RaisesTheArticleSettingTheRetentionPeriod()
    {
        using var test = TestIndex.With(Samples.Make("sample_records.md", "示例资料办法", null, Issuer, new DateOnly(2099, 1, 1),
            (1, "机构应当妥善保存客户身份资料。"),
            (2, "客户身份资料自业务关系结束后至少保存五年。")));
        const string question = "客户身份资料 保存几年";

        var without = RankingTests.Articles(test.Index, question, QueryWeights.Default with { AnswerShape = 0, FirstMention = 0 });
        var with = RankingTests.Articles(test.Index, question, QueryWeights.Default with { FirstMention = 0 });

        Assert.Equal(1, without[0]); // control: the shorter article naming the words
        Assert.Equal(2, with[0]);
    }

    [Theory]
    [InlineData("哪些客户要强化尽职调查", "客户")]
    [InlineData("监事会职责有哪些", "职责")]
    [InlineData("开办业务要交哪些资料", "材料")] // 资料 and 材料 head the same lists
    [InlineData("什么情况下可以延期", "情形")]
    [InlineData("国务院令第324号 清算组职责", "职责")] // a list noun ending the query
    [InlineData("动产担保登记内容包括什么", "内容")]
    [InlineData("哪些要报告", null)] // no noun after 哪些
    [InlineData("储蓄存款利率谁定", null)]
    public void ListedNoun_Question_NamesWhatItAsksAListOf(string query, string? noun)
    {
        Assert.Equal(noun, AnswerShapes.ListedNoun(query));
    }

    [Fact]
    public void Search_ListOfANounAsked_RaisesTheArticleListingThatNoun()
    {
        using var test = TestIndex.With(Samples.Make("sample_due_diligence.md", "示例尽职调查办法", null, Issuer, new DateOnly(2099, 1, 1),
            (1, "机构应当对客户采取下列强化尽职调查措施：（一）获取客户资金来源信息；（二）提高客户交易监测频率。"),
            (2, "机构对下列客户采取强化尽职调查措施：（一）来自高风险国家的；（二）政治公众人物。")));
        const string question = "哪些客户要强化尽职调查";

        var without = RankingTests.Articles(test.Index, question, QueryWeights.Default with { ListedNoun = 0, FirstMention = 0 });
        var with = RankingTests.Articles(test.Index, question, QueryWeights.Default with { FirstMention = 0 });

        Assert.Equal(1, without[0]); // control: both list, and the first names 客户 three times
        Assert.Equal(2, with[0]);
    }

    [Fact]
    public void Search_WhoAsked_RaisesTheArticleNamingWhoActs()
    {
        using var test = TestIndex.With(Samples.Make("sample_savings.md", "示例储蓄条例", null, Issuer, new DateOnly(2099, 1, 1),
            (1, "储蓄存款利率调整时，储蓄机构应当按照挂牌利率计付利息，并予公告。"),
            (2, "储蓄存款利率由中国人民银行拟订，经国务院批准后公布。")));
        const string question = "储蓄存款利率谁定";

        var without = RankingTests.Articles(test.Index, question, QueryWeights.Default with { AnswerShape = 0, FirstMention = 0 });
        var with = RankingTests.Articles(test.Index, question, QueryWeights.Default with { FirstMention = 0 });

        Assert.Equal(1, without[0]); // control: the article that names the rate first
        Assert.Equal(2, with[0]);
    }
}
