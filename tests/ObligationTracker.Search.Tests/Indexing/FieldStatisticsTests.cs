using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Tests.Indexing;

/// <summary>The per-field figures the index-stats tool prints: which documents hold a field, and what it inverted.</summary>
public class FieldStatisticsTests
{
    // One article whose two sentences are its two provisions, word for word.
    private static readonly Regulation Reporting = Samples.Make(
        "sample_reporting.md", "金融机构报告办法", "银发〔2097〕5号", ["中国人民银行"], new DateOnly(2097, 5, 1),
        (1, "商业银行应当按季度报送流动性报表。商业银行可以委托总行汇总报送流动性报表。"));

    private static readonly IndexedProvision[] Provisions =
    [
        new("sample_reporting.md#1.1", "商业银行应当按季度报送流动性报表。", "obligation", ["商业银行"], "recurring"),
        new("sample_reporting.md#1.2", "商业银行可以委托总行汇总报送流动性报表。", "permission", ["商业银行"], null),
    ];

    private static Dictionary<string, FieldStatistics> Indexed()
    {
        using var test = TestIndex.With(Reporting, RegulationStatus.InForce, _ => new ArticleTags(["商业银行"], ["obligation", "permission"]) { Provisions = Provisions });
        return test.Index.FieldStatistics().ToDictionary(f => f.Field);
    }

    [Fact]
    public void FieldStatistics_ArticleWithTwoProvisions_CountsEachKindsFieldsInItsOwnDocuments()
    {
        var fields = Indexed();

        Assert.Equal(3, fields[ArticleFields.Kind].Documents); // the article and its two provisions
        Assert.Equal(1, fields[ArticleFields.Text].Documents);
        Assert.Equal(2, fields[ArticleFields.ProvisionText].Documents);
        Assert.False(fields.ContainsKey(ArticleFields.Heading)); // stored only: not inverted
    }

    [Fact]
    public void FieldStatistics_ProvisionsCoveringTheirArticle_InvertTheArticlesWords()
    {
        var fields = Indexed();

        // The provisions are the article's two sentences: together they hold its words and character pairs, no more.
        Assert.Equal(fields[ArticleFields.Text].Tokens, fields[ArticleFields.ProvisionText].Tokens);
        // Pairs stop at punctuation: 15 in the first sentence's 16 characters, 18 in the second's 19.
        Assert.Equal(15 + 18, fields[ArticleFields.TextBigrams].Tokens);
        Assert.Equal(15 + 18, fields[ArticleFields.ProvisionTextBigrams].Tokens);
        Assert.True(fields[ArticleFields.TextBigrams].Positions);
        Assert.False(fields[ArticleFields.Text].Positions);
    }

    [Fact]
    public void FieldStatistics_KeywordField_CountsOneTokenPerPosting()
    {
        var fields = Indexed();

        // Indexed without frequencies: tokens are the postings (the issuer, once in each of the three documents).
        Assert.Equal(3, fields[ArticleFields.Issuer].Postings);
        Assert.Equal(3, fields[ArticleFields.Issuer].Tokens);
    }
}
