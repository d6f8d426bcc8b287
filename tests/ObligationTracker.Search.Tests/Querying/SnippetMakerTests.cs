using ObligationTracker.Search.Querying;
using Xunit;

namespace ObligationTracker.Search.Tests.Querying;

public class SnippetMakerTests
{
    private static string Snippet(string text, params string[] terms) => new SnippetMaker(terms, "<em>", "</em>").Snippet(text);

    [Fact]
    public void Snippet_TwoWordsStartingTogether_MarksTheLonger()
    {
        var snippet = Snippet("城市商业银行应当报告。", "商业", "商业银行");
        Assert.Contains("<em>商业银行</em>应当", snippet);
    }

    [Fact]
    public void Snippet_FullWidthText_MarksTheOriginalCharacters()
    {
        var snippet = Snippet("机构应当通过ＡＰＰ告知客户。", "app");
        Assert.Contains("<em>ＡＰＰ</em>", snippet);
    }

    [Theory]
    [InlineData("2019年起实行T+1日到账。", "1", "T+<em>1</em>日")] // not 20<em>1</em>9
    [InlineData("通过APP提交apply申请。", "app", "<em>APP</em>提交apply")]
    [InlineData("资本充足率不低于10.5%，第1条另有规定。", "1", "第<em>1</em>条")]
    [InlineData("比例为10.5%，另加5%。", "5", "另加<em>5</em>%")]
    [InlineData("比例为5.2%，另加5%。", "5", "另加<em>5</em>%")]
    public void Snippet_LatinWordOrNumber_MarkedOnlyWhereItStandsWhole(string text, string term, string expected)
    {
        var snippet = Snippet(text, term);
        Assert.Contains(expected, snippet);
        Assert.Equal(1, snippet.Split("<em>").Length - 1);
    }

    [Fact]
    public void Snippet_LongText_ShowsThePassageHoldingTheWords()
    {
        var filler = string.Concat(Enumerable.Repeat("本条所称机构按照章程开展业务。", 20));
        var snippet = Snippet(filler + "客户备付金应当全额交存。" + filler, "备付金");
        Assert.Contains("<em>备付金</em>", snippet);
        Assert.True(snippet.Length < filler.Length, snippet);
    }

    [Fact]
    public void Snippet_NoWordFound_ShowsTheBeginning()
    {
        var snippet = Snippet("机构应当建立制度。", "备付金");
        Assert.Equal("机构应当建立制度。", snippet);
    }

    [Fact]
    public void Snippet_AdjacentWords_MarkedAsOnePhrase()
    {
        var snippet = Snippet("不得强制捆绑销售。", "强制", "捆绑");
        Assert.Contains("<em>强制捆绑</em>", snippet);
    }
}
