using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Search.Tests.Querying;

/// <summary>Facet counts where the articles of one regulation differ in the values counted article by article
/// (institution types, modalities) and share others (issuer, status): each article must count once per value it holds.</summary>
public class FacetCountTests
{
    // Tags by article number, the same for both regulations: some articles share a combination, some hold none.
    private static readonly Dictionary<int, ArticleTags> Tags = new()
    {
        [1] = new(["商业银行"], ["obligation"]),
        [2] = new(["商业银行", "保险公司"], ["obligation", "prohibition"]),
        [3] = new(["商业银行"], ["obligation"]),
        [4] = new([], ["permission"]),
        [5] = ArticleTags.None,
    };

    private static Regulation Make(string file, string issuer, int year) => Samples.Make(
        file, "示例报告办法" + year, null, [issuer], new DateOnly(year, 1, 1),
        (1, "机构应当按季度报告经营情况。"),
        (2, "机构应当报告重大事项，不得隐瞒。"),
        (3, "机构应当报告关联交易。"),
        (4, "机构可以委托总部报告。"),
        (5, "本办法自发布之日起施行，报告制度同时适用。"));

    [Fact]
    public void Search_ArticlesOfOneRegulationHoldDifferentValues_EachValueCountsTheArticlesHoldingIt()
    {
        using var test = TestIndex.With(Make("a.md", "国家金融监督管理总局", 2097), RegulationStatus.InForce, a => Tags[a.Number]);
        test.Index.Replace(Make("b.md", "中国人民银行", 2096), RegulationStatus.Repealed, a => a.Number == 5 ? ArticleTags.None : Tags[a.Number]);
        test.Index.Replace(Make("c.md", "中国人民银行", 2095), RegulationStatus.InForce, a => ArticleTags.None);

        var result = test.Index.Search(new SearchRequest("报告") { PageSize = 50 });

        Assert.Equal(15, result.TotalArticles); // every article says 报告
        Assert.Equal(3, result.TotalRegulations);
        // Counted by hand from the tags above: a and b share articles 1-4's tags, c has none.
        Assert.Equal(new Dictionary<string, int> { ["商业银行"] = 6, ["保险公司"] = 2 }, result.Facets["type"]);
        Assert.Equal(new Dictionary<string, int> { ["obligation"] = 6, ["prohibition"] = 2, ["permission"] = 2 }, result.Facets["modality"]);
        Assert.Equal(new Dictionary<string, int> { ["中国人民银行"] = 10, ["国家金融监督管理总局"] = 5 }, result.Facets["issuer"]);
        Assert.Equal(new Dictionary<string, int> { ["in-force"] = 10, ["repealed"] = 5 }, result.Facets["status"]);
    }

    [Fact]
    public void Search_FilterLeavesSomeArticles_CountsOnlyThem()
    {
        using var test = TestIndex.With(Make("a.md", "国家金融监督管理总局", 2097), RegulationStatus.InForce, a => Tags[a.Number]);

        var result = test.Index.Search(new SearchRequest("报告") { PageSize = 50, Modalities = ["prohibition"] });

        Assert.Equal(1, result.TotalArticles);
        Assert.Equal(new Dictionary<string, int> { ["商业银行"] = 1, ["保险公司"] = 1 }, result.Facets["type"]);
        Assert.Equal(new Dictionary<string, int> { ["obligation"] = 1, ["prohibition"] = 1 }, result.Facets["modality"]);
    }

    [Fact]
    public void Search_AfterOtherSearches_CountsAsTheFirstTime()
    {
        // The counters are reused between searches: what one search counted must not stay for the next.
        using var test = TestIndex.With(Make("a.md", "国家金融监督管理总局", 2097), RegulationStatus.InForce, a => Tags[a.Number]);
        test.Index.Replace(Make("b.md", "中国人民银行", 2096), RegulationStatus.InForce, a => Tags[a.Number]);

        var first = test.Index.Search(new SearchRequest("报告"));
        var other = test.Index.Search(new SearchRequest("隐瞒"));
        var again = test.Index.Search(new SearchRequest("报告"));

        Assert.Equal(2, other.TotalArticles);
        Assert.Equal(new Dictionary<string, int> { ["商业银行"] = 2, ["保险公司"] = 2 }, other.Facets["type"]);
        foreach (var field in first.Facets.Keys) Assert.Equal(first.Facets[field], again.Facets[field]);
        Assert.Equal(first.TotalRegulations, again.TotalRegulations);
        Assert.Equal(new Dictionary<string, int> { ["商业银行"] = 6, ["保险公司"] = 2 }, again.Facets["type"]);
    }
}
