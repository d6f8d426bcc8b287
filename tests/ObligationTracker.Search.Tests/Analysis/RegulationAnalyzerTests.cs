using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Search.Tests.Analysis;

public class RegulationAnalyzerTests
{
    private static List<(string Term, int Start, int End, int Increment)> Tokens(string text)
    {
        using var analyzer = new RegulationAnalyzer();
        return AnalyzedTokens.Read(analyzer, "text", text);
    }

    [Theory]
    [InlineData("商业银行的监管评级结果应当报告", "监管评级")]
    [InlineData("保险公司的偿付能力充足率不得低于百分之五十", "偿付能力")]
    [InlineData("非银行支付机构应当将客户备付金全额存放", "备付金")]
    [InlineData("理财公司销售理财产品应当遵守适当性管理要求", "适当性")]
    [InlineData("城商行的资本充足率应当持续达标", "资本充足率")]
    public void Tokens_DictionaryTerm_KeptWhole(string text, string term)
    {
        Assert.Contains(Tokens(text), t => t.Term == term && text.Substring(t.Start, t.End - t.Start) == term);
    }

    [Fact]
    public void Tokens_InstitutionAliasFromTaxonomy_KeptWhole()
    {
        var tokens = Tokens("各农商行和城商行应当建立反洗钱内部控制制度");
        Assert.Contains(tokens, t => t.Term == "农商行");
        Assert.Contains(tokens, t => t.Term == "城商行");
        Assert.Contains(tokens, t => t.Term == "反洗钱");
    }

    [Fact]
    public void Tokens_FullWidthAndUpperCase_FoldedWithOffsetsIntoOriginal()
    {
        const string text = "ＡＰＩ接口于２０２４年上线";
        var tokens = Tokens(text);
        var api = Assert.Single(tokens, t => t.Term == "api");
        Assert.Equal("ＡＰＩ", text[api.Start..api.End]);
        var year = Assert.Single(tokens, t => t.Term == "2024");
        Assert.Equal("２０２４", text[year.Start..year.End]);
    }

    [Fact]
    public void Tokens_KangxiRadicalFromPdf_FoldedToIdeograph()
    {
        // U+2FA6 KANGXI RADICAL GOLD for 金, as PDF extraction leaves it.
        const string text = "\u2FA6融机构";
        var token = Assert.Single(Tokens(text), t => t.Term == "金融机构");
        Assert.Equal(text, text[token.Start..token.End]);
    }

    [Fact]
    public void Tokens_EveryOffset_CoversItsTermInTheText()
    {
        const string text = "第十二条　银行保险机构应当于每年３月31日前，向国家金融监督管理总局报送上一年度数据安全评估报告。";
        foreach (var (term, start, end, _) in Tokens(text))
            Assert.Equal(term, TextNormalizer.Fold(text[start..end]));
    }

    [Fact]
    public void Tokens_StopWordsAndPunctuation_Dropped()
    {
        var terms = Tokens("银行的、和，数据。").Select(t => t.Term).ToList();
        Assert.DoesNotContain("的", terms);
        Assert.DoesNotContain("和", terms);
        Assert.DoesNotContain("，", terms);
        Assert.Contains("数据", terms);
    }

    [Fact]
    public void Tokens_LongWord_AddsItsWordsAtTheSamePosition()
    {
        var tokens = Tokens("中华人民共和国");
        Assert.Equal(1, tokens.Single(t => t.Term == "中华人民共和国").Increment);
        Assert.Equal(0, tokens.Single(t => t.Term == "人民").Increment);
    }

    [Fact]
    public void Segmenter_LoadedFromManyThreadsAtOnce_IsOneInstanceGivingTheSameWords()
    {
        var results = new List<string>[8];
        var instances = new ChineseSegmenter[8];
        Parallel.For(0, 8, i =>
        {
            instances[i] = ChineseSegmenter.Instance;
            results[i] = instances[i].Words("商业银行应当加强合规管理和风险分类").ToList();
        });
        Assert.All(instances, s => Assert.Same(instances[0], s));
        Assert.All(results, r => Assert.Equal(results[0], r));
        Assert.Contains("合规管理", results[0]);
        Assert.Contains("风险分类", results[0]);
    }
}
