using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Search.Tests.Querying;

/// <summary>The count a facet shows for a value is the total a search filtered by that value gives: a person who clicks
/// it gets the number they were shown.</summary>
public sealed class FacetAgreementTests : IDisposable
{
    private readonly TestIndex _test = TestIndex.Empty();

    /// <summary>A regulation whose articles all say 报告, tagged by article number with one institution type each.</summary>
    private void Add(string file, string issuer, RegulationStatus status, params string[] types) => _test.Index.Replace(
        Samples.Make(file, "示例报告办法", null, [issuer], new DateOnly(2096, 1, 1),
            [.. types.Select((_, i) => (i + 1, i % 2 == 0 ? "机构应当按季度报告经营情况。" : "机构不得迟延报告重大事项。"))]),
        status,
        a => new ArticleTags([types[a.Number - 1]], [a.Number % 2 == 1 ? "obligation" : "prohibition"]));

    private SearchResult Search(Func<SearchRequest, SearchRequest>? with = null) =>
        _test.Index.Search((with ?? (r => r))(new SearchRequest("报告") { PageSize = 100 }));

    [Fact]
    public void Search_TypeFacet_CountsTheArticlesOnEachTypesAncestorsAsTheFilterDoes()
    {
        // 消费金融公司 ⊂ 非银行金融机构 ⊂ 银行业金融机构; 城市商业银行 ⊂ 商业银行 ⊂ 银行业金融机构.
        Add("a.md", "国家金融监督管理总局", RegulationStatus.InForce, "银行业金融机构", "消费金融公司", "商业银行", "城市商业银行", "保险公司");

        var facet = Search().Facets["type"];

        // Listed are the types the articles name; each counts the articles a --type filter by it finds.
        Assert.Equal(new Dictionary<string, int> { ["城市商业银行"] = 3, ["消费金融公司"] = 2, ["商业银行"] = 2, ["保险公司"] = 1, ["银行业金融机构"] = 1 }, facet);
        foreach (var (type, count) in facet) Assert.Equal(count, Search(r => r with { InstitutionTypes = [type] }).TotalArticles);
    }

    [Fact]
    public void Search_IssuerFacet_CountsAnOfficesNoticesUnderItsBodyAsTheFilterDoes()
    {
        Add("pboc.md", "中国人民银行", RegulationStatus.InForce, "商业银行", "商业银行");
        Add("office.md", "中国人民银行办公厅", RegulationStatus.InForce, "商业银行");
        Add("joint.md", "中国人民银行等十部门", RegulationStatus.InForce, "商业银行");

        var facet = Search().Facets["issuer"];

        Assert.Equal(new Dictionary<string, int> { ["中国人民银行"] = 4, ["中国人民银行办公厅"] = 1, ["中国人民银行等十部门"] = 1 }, facet);
        foreach (var (issuer, count) in facet) Assert.Equal(count, Search(r => r with { Issuers = [issuer] }).TotalArticles);
    }

    [Fact]
    public void Search_EveryFacetValue_CountsWhatFilteringByItFinds()
    {
        Add("a.md", "国家金融监督管理总局", RegulationStatus.InForce, "银行业金融机构", "消费金融公司", "商业银行");
        Add("b.md", "中国人民银行", RegulationStatus.Repealed, "城市商业银行", "金融机构", "非银行支付机构", "银行保险机构");
        Add("c.md", "中国人民银行办公厅", RegulationStatus.NotYetEffective, "保险公司", "监管机构");
        var filters = new Dictionary<string, Func<string, Func<SearchRequest, SearchRequest>>>
        {
            ["issuer"] = v => r => r with { Issuers = [v] },
            ["type"] = v => r => r with { InstitutionTypes = [v] },
            ["modality"] = v => r => r with { Modalities = [v] },
            ["status"] = v => r => r with { Statuses = [v] },
        };

        // The counts beside a filter agree too: clicking a value adds it to those in force.
        foreach (var before in new Func<SearchRequest, SearchRequest>[] { r => r, r => r with { Modalities = ["obligation"] } })
        {
            var result = Search(before);
            Assert.Equal(filters.Keys.Order(), result.Facets.Keys.Order());
            foreach (var (facet, counts) in result.Facets)
                foreach (var (value, count) in counts)
                {
                    var narrowed = Search(r => filters[facet](value)(before(r)));
                    Assert.True(count == narrowed.TotalArticles, $"{facet} {value}: the facet shows {count}, the filter finds {narrowed.TotalArticles}");
                }
        }
    }

    [Fact]
    public void Search_LongQueryFilteredToFewMatches_FindsNoArticleTheUnfilteredSearchDoesNot()
    {
        // Six words, most of which must match: twelve articles of a.md and two of b.md hold them all; five more of b.md
        // hold one. Filtered to b.md's issuer, the search must not fall back to any word (as a search finding little
        // alone does), or the filter would find seven where the issuer's facet showed two.
        const string All = "商业银行应当按季度向董事会报送资本充足率报表。";
        _test.Index.Replace(Samples.Make("a.md", "资本管理办法", null, ["国家金融监督管理总局"], new DateOnly(2096, 1, 1),
            [.. Enumerable.Range(1, 12).Select(n => (n, All))]));
        _test.Index.Replace(Samples.Make("b.md", "报表管理办法", null, ["中国人民银行"], new DateOnly(2096, 1, 1),
            [(1, All), (2, All), .. Enumerable.Range(3, 5).Select(n => (n, "报表格式另行规定。"))]));
        const string Query = "商业银行 按季度 董事会 报送 资本充足率 报表";

        var unfiltered = _test.Index.Search(new SearchRequest(Query) { PageSize = 100 });
        var filtered = _test.Index.Search(new SearchRequest(Query) { PageSize = 100, Issuers = ["中国人民银行"] });

        Assert.Equal(14, unfiltered.TotalArticles);
        Assert.Equal(2, unfiltered.Facets["issuer"]["中国人民银行"]);
        Assert.Equal(2, filtered.TotalArticles);
        Assert.Equal([1, 2], filtered.Hits.Select(h => h.Article).Order());
    }

    public void Dispose() => _test.Dispose();
}
