using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Search.Tests.Indexing;

/// <summary>Provisions (obligations) indexed as documents of their own beside their articles.</summary>
public class ProvisionDocumentsTests
{
    // Article 3 of the payments sample holds two prohibitions; article 2 one obligation; article 4 a prohibition.
    private static readonly Dictionary<int, IndexedProvision[]> PaymentProvisions = new()
    {
        [2] = [new("sample_payments.md#2.1", "支付机构开展跨境业务，向境外机构转移客户资金的，应当报告人民银行分支机构。", "obligation", ["非银行支付机构"], "event")],
        [3] =
        [
            new("sample_payments.md#3.1", "支付机构不得强制捆绑销售其他服务", "prohibition", ["非银行支付机构"], null),
            new("sample_payments.md#3.2", "不得以任何形式挪用客户备付金。", "prohibition", ["非银行支付机构"], null),
        ],
        [4] = [new("sample_payments.md#4.1", "支付机构对于捆绑的服务，不得在未经同意时强制开通。", "prohibition", ["非银行支付机构"], null)],
    };

    // One article with an obligation and a permission: article-level tags hold both modalities.
    private static Regulation Reporting() => Samples.Make(
        "sample_reporting.md", "金融机构报告办法", "银发〔2097〕5号", ["中国人民银行"], new DateOnly(2097, 5, 1),
        (1, "商业银行应当按季度报送流动性报表。商业银行可以委托总行汇总报送流动性报表。"));

    private static readonly IndexedProvision[] ReportingProvisions =
    [
        new("sample_reporting.md#1.1", "商业银行应当按季度报送流动性报表。", "obligation", ["商业银行"], "recurring"),
        new("sample_reporting.md#1.2", "商业银行可以委托总行汇总报送流动性报表。", "permission", ["商业银行"], null),
    ];

    private static Func<Article, ArticleTags> TagsOf(Regulation regulation, bool withProvisions)
    {
        var provisions = regulation.File switch
        {
            "sample_payments.md" => PaymentProvisions,
            "sample_reporting.md" => new Dictionary<int, IndexedProvision[]> { [1] = ReportingProvisions },
            _ => [],
        };
        return article =>
        {
            var own = provisions.GetValueOrDefault(article.Number, []);
            return new ArticleTags([.. own.SelectMany(p => p.Addressees).Distinct()], [.. own.Select(p => p.Modality).Distinct()])
            {
                Provisions = withProvisions ? own : [],
            };
        };
    }

    private static void Fill(ArticleIndex index, bool withProvisions)
    {
        foreach (var regulation in new[] { Samples.DataSecurity(), Samples.Payments(), Samples.Banking(), Reporting() })
            index.Replace(regulation, RegulationStatus.InForce, TagsOf(regulation, withProvisions));
    }

    [Fact]
    public void Search_Provisions_FindsTheProvisionWithItsOwnTextAndTags()
    {
        using var test = TestIndex.Empty();
        Fill(test.Index, withProvisions: true);

        var found = test.Index.Search(new SearchRequest("挪用 备付金") { Provisions = true });

        Assert.True(found.Succeeded, found.Error);
        var best = found.Hits[0];
        Assert.Equal(("sample_payments.md", 3), (best.File, best.Article));
        var provision = Assert.IsType<ProvisionHit>(best.Provision);
        Assert.Equal(("sample_payments.md#3.2", "prohibition", null), (provision.Key, provision.Modality, provision.DeadlineKind));
        Assert.Equal(["非银行支付机构"], provision.Addressees);
        Assert.Contains("<em>挪用</em>", best.Snippet);
        Assert.DoesNotContain("捆绑", best.Snippet); // the provision's own text, not its article's
    }

    [Fact]
    public void Search_ProvisionsWithTitleWords_RankTheNamedRegulationsProvisionFirst()
    {
        using var test = TestIndex.Empty();
        Fill(test.Index, withProvisions: true);

        // A provision of each regulation is about reporting (报告, 报送 through the synonyms); only the title tells them apart.
        var hits = test.Index.Search(new SearchRequest("金融机构报告办法 报告") { Provisions = true }).Hits;
        var control = test.Index.Search(new SearchRequest("报告") { Provisions = true }).Hits;

        Assert.Equal("sample_reporting.md", hits[0].File);
        Assert.Contains(control, h => h.File == "sample_payments.md"); // the other regulation's provision matches the word too
    }

    [Fact]
    public void Search_ModalityFilterOnProvisions_AppliesToEachProvisionNotItsArticle()
    {
        using var test = TestIndex.Empty();
        Fill(test.Index, withProvisions: true);

        var articles = test.Index.Search(new SearchRequest("按季度 报送") { Modalities = ["permission"] });
        var provisions = test.Index.Search(new SearchRequest("按季度 报送") { Modalities = ["permission"], Provisions = true });

        // The article is tagged with both modalities, so it passes; of its provisions only the permission does.
        Assert.Equal(["sample_reporting.md#1"], articles.Hits.Select(h => $"{h.File}#{h.Article}"));
        Assert.Equal(["sample_reporting.md#1.2"], provisions.Hits.Select(h => h.Provision!.Key));
        Assert.Equal(1, provisions.Facets["modality"]["permission"]);
        Assert.False(provisions.Facets["modality"].ContainsKey("obligation"));
    }

    [Fact]
    public void Search_Articles_RankAndScoreAsIfNoProvisionWereIndexed()
    {
        using var with = TestIndex.Empty();
        using var without = TestIndex.Empty();
        Fill(with.Index, withProvisions: true);
        Fill(without.Index, withProvisions: false);
        Assert.True(with.Index.ProvisionCount > 0);
        Assert.Equal(0, without.Index.ProvisionCount);

        foreach (var query in new[] { "支付机构 备付金", "\"强制捆绑\"", "银发〔2098〕12号 境外", "报送 报表", "商业银行 -关联交易", "监管评级 OR 数据安全" })
        {
            var a = with.Index.Search(new SearchRequest(query));
            var b = without.Index.Search(new SearchRequest(query));
            Assert.True(a.Succeeded && b.Succeeded, query);
            Assert.Equal(b.Hits.Select(h => (h.File, h.Article, h.Score, h.Snippet)), a.Hits.Select(h => (h.File, h.Article, h.Score, h.Snippet)));
            Assert.All(a.Hits, h => Assert.Null(h.Provision));
            Assert.Equal(b.TotalArticles, a.TotalArticles);
            Assert.Equal(b.Facets["modality"], a.Facets["modality"]);
        }
    }

    [Fact]
    public void Search_DocumentNumberAlone_FindsTheArticlesNotTheirProvisions()
    {
        using var test = TestIndex.Empty();
        Fill(test.Index, withProvisions: true);

        var found = test.Index.Search(new SearchRequest("银发〔2098〕12号") { PageSize = 50 });

        Assert.Equal(4, found.TotalArticles);
        Assert.Equal([1, 2, 3, 4], found.Hits.Select(h => h.Article).Order());
    }

    [Fact]
    public void Replace_ReingestedRegulation_ReplacesItsProvisionsInTheSameCommit()
    {
        using var temp = new TempDirectory();
        using var index = ArticleIndex.Open(temp.Path);
        Fill(index, withProvisions: true);
        Assert.Equal(6, index.ProvisionCount);
        Assert.Equal(11, index.Count);

        var payments = Samples.Payments();
        index.Replace(payments, RegulationStatus.InForce, a => a.Number == 3 ? TagsOf(payments, true)(a) : ArticleTags.None);

        Assert.Equal(4, index.ProvisionCount);
        Assert.DoesNotContain(index.Search(new SearchRequest("境外 转移") { Provisions = true }).Hits, h => h.File == "sample_payments.md");
        index.Delete("sample_payments.md");
        Assert.Equal(2, index.ProvisionCount);
        Assert.Equal(["sample_reporting.md#1.1", "sample_reporting.md#1.2"], index.Search(new SearchRequest("报表") { Provisions = true }).Hits.Select(h => h.Provision!.Key).Order());
    }
}
