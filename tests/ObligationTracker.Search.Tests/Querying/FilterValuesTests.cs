using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Search.Tests.Querying;

/// <summary>How the filters read what a person types for an issuer, a modality or a status: whole names and the short
/// names people use, in any case and in Chinese; a value that names nothing known is refused, naming the accepted ones.</summary>
public sealed class FilterValuesTests : IDisposable
{
    private readonly TestIndex _test;

    public FilterValuesTests()
    {
        _test = TestIndex.Empty();
        Add("pboc.md", "中国人民银行", RegulationStatus.InForce);
        Add("pboc_office.md", "中国人民银行办公厅", RegulationStatus.InForce);
        Add("cbrc.md", "中国银行业监督管理委员会", RegulationStatus.Repealed);
        Add("csrc.md", "中国证券监督管理委员会", RegulationStatus.InForce);
        Add("zhejiang.md", "浙江省人民代表大会常务委员会", RegulationStatus.InForce);
    }

    private void Add(string file, string issuer, RegulationStatus status) => _test.Index.Replace(
        Samples.Make(file, "示例报告办法", null, [issuer], new DateOnly(2096, 1, 1),
            (1, "机构应当按季度报告经营情况。"),
            (2, "机构不得隐瞒应当报告的事项。")),
        status,
        a => new ArticleTags([], [a.Number == 1 ? "obligation" : "prohibition"]));

    private SearchResult Search(Func<SearchRequest, SearchRequest> with) =>
        _test.Index.Search(with(new SearchRequest("报告") { PageSize = 50 }));

    private string[] Files(Func<SearchRequest, SearchRequest> with)
    {
        var result = Search(with);
        Assert.True(result.Succeeded, result.Error);
        return [.. result.Hits.Select(h => h.File).Distinct().Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Search_IssuerThatIsPartOfNames_IsRefusedNamingTheIssuersHoldingIt()
    {
        // 银行 is in three issuers' names here: it names none of them, and must not keep them all.
        var result = Search(r => r with { Issuers = ["银行"] });

        Assert.False(result.Succeeded);
        Assert.Contains("'银行'", result.Error);
        Assert.Contains("中国人民银行、中国人民银行办公厅、中国银行业监督管理委员会", result.Error);
        Assert.DoesNotContain("中国证券监督管理委员会", result.Error); // not a name holding it
    }

    [Theory]
    [InlineData("中国证券监督管理委员会")]
    [InlineData("证监会")]
    [InlineData("中国证监会")] // the short name it signs with
    [InlineData("CSRC")]
    [InlineData("csrc")]
    public void Search_IssuerFullOrShortName_KeepsThatIssuersRegulations(string issuer)
    {
        Assert.Equal(["csrc.md"], Files(r => r with { Issuers = [issuer] }));
    }

    [Fact]
    public void Search_LocalCongressByShortName_KeepsItsRegulations()
    {
        Assert.Equal(["zhejiang.md"], Files(r => r with { Issuers = ["浙江省人大常委会"] }));
    }

    [Fact]
    public void Search_IssuerBody_KeepsItsGeneralOfficesNoticesButNotTheReverse()
    {
        Assert.Equal(["pboc.md", "pboc_office.md"], Files(r => r with { Issuers = ["人民银行"] }));
        Assert.Equal(["pboc_office.md"], Files(r => r with { Issuers = ["中国人民银行办公厅"] }));
    }

    [Theory]
    [InlineData("OBLIGATION", "obligation")]
    [InlineData("义务", "obligation")]
    [InlineData("禁止", "prohibition")]
    public void Search_ModalityInAnyCaseOrChinese_KeepsWhatItsNameKeeps(string typed, string name)
    {
        var typedResult = Search(r => r with { Modalities = [typed] });
        var named = Search(r => r with { Modalities = [name] });

        Assert.True(typedResult.Succeeded, typedResult.Error);
        Assert.Equal(5, typedResult.TotalArticles); // one article of each regulation
        Assert.Equal(named.Hits.Select(h => (h.File, h.Article)), typedResult.Hits.Select(h => (h.File, h.Article)));
    }

    [Theory]
    [InlineData("In-Force", 8)]
    [InlineData("现行有效", 8)]
    [InlineData("已废止", 2)]
    [InlineData("REPEALED", 2)]
    public void Search_StatusInAnyCaseOrChinese_KeepsThatStatus(string typed, int articles)
    {
        var result = Search(r => r with { Statuses = [typed] });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(articles, result.TotalArticles);
    }

    [Theory]
    [InlineData("must", null, "Unknown modality 'must'; use obligation (义务), prohibition (禁止), permission (许可).")]
    [InlineData(null, "valid", "Unknown status 'valid'; use in-force (现行有效), not-yet-effective (尚未施行), amended (已修订), repealed (已废止).")]
    public void Search_UnknownModalityOrStatus_MessageNamesTheValueAndTheAcceptedOnes(string? modality, string? status, string expected)
    {
        var result = Search(r => r with { Modalities = modality is null ? [] : [modality], Statuses = status is null ? [] : [status] });

        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void Search_IssuerFilterOnAnIndexNamingNoIssuer_SaysSoRatherThanFindingNothing()
    {
        using var test = TestIndex.With(Samples.Make("anonymous.md", "示例报告办法", null, [], null, (1, "机构应当报告。")));

        var result = test.Index.Search(new SearchRequest("报告") { Issuers = ["中国人民银行"] });

        Assert.False(result.Succeeded);
        Assert.Contains("'中国人民银行'", result.Error);
    }

    public void Dispose() => _test.Dispose();
}
