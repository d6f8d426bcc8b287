using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Search.Tests.Querying;

/// <summary>Paging over more matches than the first pool of a search holds: every page after the first must be the same
/// slice of one list.</summary>
public sealed class PagingTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ArticleIndex _index;

    public PagingTests()
    {
        _index = ArticleIndex.Open(_temp.Path);
        _index.Replace([.. Enumerable.Range(1, Regulations).Select(Regulation)], _ => RegulationStatus.InForce);
    }

    private const int Regulations = 24;

    /// <summary>Regulation <paramref name="n"/>: eight articles naming 报告 a varying number of times among varying filler,
    /// so that scores spread and tie across regulations.</summary>
    private static Regulation Regulation(int n)
    {
        string[] filler = ["商业银行", "保险公司", "数据安全", "关联交易", "消费者权益", "监管评级"];
        var articles = Enumerable.Range(1, 8).Select(a =>
        {
            var times = (n * 7 + a * 3) % 5 + 1;
            var words = string.Concat(Enumerable.Range(0, (n + a) % 4 + 1).Select(i => filler[(n + a + i) % filler.Length] + "应当"));
            return (a, words + string.Concat(Enumerable.Repeat("向监管机构报告", times)) + "。");
        }).ToArray();
        return Samples.Make($"paging_{n:00}.md", $"数据报送测试办法{n}", null, ["国家金融监督管理总局"], new DateOnly(2099, 1, 1), articles);
    }

    private SearchResult Search(SearchRequest request, int window) =>
        _index.WithSearcher(s => new ArticleSearcher(s, rerankWindow: window).Search(request));

    private static List<string> Ids(SearchResult result)
    {
        Assert.Null(result.Error);
        return [.. result.Hits.Select(h => $"{h.File}#{h.Article}")];
    }

    [Theory]
    [InlineData(1, 5, 3)]
    [InlineData(3, 7, 3)]
    [InlineData(10, 4, 3)]
    [InlineData(1, 10, 100)]
    [InlineData(2, 10, 100)]
    public void Search_PagesThroughMoreMatchesThanThePool_AreSlicesOfTheWholeList(int perRegulation, int pageSize, int window)
    {
        // The whole list at once: a page larger than the index, so the pool holds every match.
        var whole = Search(new SearchRequest("报告") { PageSize = 1000, ArticlesPerRegulation = perRegulation }, window);
        Assert.Equal(Regulations * 8, whole.TotalArticles);

        // The first page is ranked from its pool alone (settling it would cost most searches a second one); every later
        // page is the whole list's slice.
        var paged = new List<string>();
        for (var page = 1; page * pageSize < whole.TotalArticles; page++)
        {
            var result = Search(new SearchRequest("报告") { PageSize = pageSize, Page = page, ArticlesPerRegulation = perRegulation }, window);
            Assert.Equal(whole.TotalArticles, result.TotalArticles);
            paged.AddRange(Ids(result));
        }

        Assert.Equal(Ids(whole).Skip(pageSize), paged);
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }
}
