using ObligationTracker.Search.Querying;

namespace ObligationTracker.Search.Tests.Querying;

/// <summary>Quoted phrases whose letters or digits the word analysis drops or splits (A类, T+1), and Latin words.</summary>
public class PhraseQueryTests
{
    private static readonly Core.Structure.Regulation Accounts = Samples.Make("sample_accounts.md", "示例账户办法", null, ["中国人民银行"], new DateOnly(2099, 1, 1),
        (1, "评级为A类的支付机构，可以开立II类户和III类户。"),
        (2, "支付机构应当按类报送资料，同一类业务合并报送。"),
        (3, "资金于T+1日到账，第1个工作日内完成清算。"),
        (4, "支付机构应当在1个工作日内报告。"));

    private static List<int> Articles(string query)
    {
        using var test = TestIndex.With(Accounts);
        var result = test.Index.Search(new SearchRequest(query));
        Assert.Null(result.Error);
        return [.. result.Hits.Select(h => h.Article).Order()];
    }

    [Theory]
    [InlineData("\"A类\"", 1)] // a is a stop word of the words; 类 alone must not stand for the phrase
    [InlineData("\"T+1\"", 3)] // t likewise; 1 alone is in article 4 too
    [InlineData("T+1", 3)] // unquoted, a settlement term is still one
    [InlineData("Ｔ＋１", 3)]
    public void Search_QuotedPhraseWithALatinLetter_FindsOnlyTheArticlesHoldingIt(string query, int article)
    {
        Assert.Equal([article], Articles(query));
    }

    [Fact]
    public void Search_QuotedLoneCharacter_FindsItInsideWordsAndAlone()
    {
        // 类 stands in 按类 and 一类 (pairs) in article 2 and in A类/II类户 in article 1.
        Assert.Equal([1, 2], Articles("\"类\""));
    }

    [Theory]
    [InlineData("IT 外包", true)] // the control: IT → 信息科技
    [InlineData("audit 外包", false)]
    [InlineData("credit 外包", false)]
    public void Search_SynonymOfALatinWord_NotFoundInsideALongerOne(string query, bool found)
    {
        using var test = TestIndex.With(Samples.Make("sample_it.md", "示例科技办法", null, ["中国人民银行"], new DateOnly(2099, 1, 1),
            (1, "银行应当加强信息科技风险管理。")));

        var hits = test.Index.Search(new SearchRequest(query)).Hits;

        Assert.Equal(found, hits.Count > 0);
    }
}
