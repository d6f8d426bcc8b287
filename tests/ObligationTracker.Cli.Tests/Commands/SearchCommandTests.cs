using System.Text.Json;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using Xunit;

namespace ObligationTracker.Cli.Tests.Commands;

public sealed class SearchCommandTests : IDisposable
{
    private const string Rules = """
        某类支付机构备付金试行规则
        第一条 支付机构接收的客户备付金应当全额交存至备付金集中存管账户。
        第二条 支付机构不得挪用客户备付金，不得强制捆绑销售其他服务。
        第三条 本规则自2026年3月1日起施行。
        """;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "ot-search-cli-" + Guid.NewGuid().ToString("N"));

    private (int Code, string Output, string Errors) Run(SearchRequest request, bool json = true)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = SearchCommand.Run(request, _data, json, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    private void Index()
    {
        using var index = ArticleIndex.Open(Path.Combine(_data, "index"));
        index.Replace(new RegulationParser().Parse("rules.md", Rules));
    }

    [Fact]
    public void Search_Json_EachHitCarriesFileTitleArticleScoreSnippet()
    {
        Index();
        var (code, output, _) = Run(new SearchRequest("\"强制捆绑\""));
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var hit = Assert.Single(json.RootElement.GetProperty("hits").EnumerateArray());
        Assert.Equal("rules.md", hit.GetProperty("file").GetString());
        Assert.Equal("某类支付机构备付金试行规则", hit.GetProperty("title").GetString());
        Assert.Equal(2, hit.GetProperty("article").GetInt32());
        Assert.True(hit.GetProperty("score").GetDouble() > 0);
        Assert.Contains("<em>强制捆绑</em>", hit.GetProperty("snippet").GetString());
    }

    /// <summary>A regulation whose text holds the characters HTML gives a meaning to: &lt; and &amp;.</summary>
    private const string CapitalRules = """
        某类银行资本补充试行办法
        第一条 资本充足率<8%的银行，应当于每季度结束后10日内报送资本补充计划。
        第二条 银行应当单独披露研发（R&D）投入形成的无形资产。
        第三条 本办法自2026年3月1日起施行。
        """;

    private void IndexCapitalRules()
    {
        using var index = ArticleIndex.Open(Path.Combine(_data, "index"));
        index.Replace(new RegulationParser().Parse("capital.md", CapitalRules));
    }

    [Theory]
    [InlineData("资本补充计划", "&lt;8%", "<8%")]
    [InlineData("无形资产", "R&amp;D", "R&D")]
    public void SearchJson_SnippetWithAngleBracketOrAmpersand_IsEscaped(string query, string escaped, string raw)
    {
        IndexCapitalRules();

        var (code, output, _) = Run(new SearchRequest(query));

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var snippet = json.RootElement.GetProperty("hits")[0].GetProperty("snippet").GetString()!;
        Assert.Contains(escaped, snippet, StringComparison.Ordinal);
        Assert.DoesNotContain(raw, snippet, StringComparison.Ordinal);
        Assert.Contains($"<em>{query}</em>", snippet, StringComparison.Ordinal); // the markers themselves stay markup
    }

    [Fact]
    public void SearchText_SnippetWithAngleBracket_StaysAsWritten()
    {
        IndexCapitalRules();

        var (_, text, _) = Run(new SearchRequest("资本补充计划"), json: false);

        Assert.Contains("资本充足率<8%", text, StringComparison.Ordinal); // text is for reading, not markup
    }

    [Fact]
    public void SearchJson_IndexWithoutStore_LeavesIdsOutAndCreatesNoStore()
    {
        Index(); // an index alone, as a copied index folder is

        var output = new StringWriter();
        var code = SearchCommand.Run(new SearchRequest("备付金"), _data, asJson: true, output, new StringWriter(), StoreSettings.Sqlite(_data));

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.All(json.RootElement.GetProperty("hits").EnumerateArray(), h => Assert.Equal(JsonValueKind.Null, h.GetProperty("regulation_id").ValueKind));
        Assert.False(File.Exists(Path.Combine(_data, RegulationStore.FileName)));
    }

    /// <summary>Opinions in points with two guidelines attached, each numbered from 第一条 and each speaking of 开户.</summary>
    private const string OpinionsWithTwoAttachments = """
        某类银行关于做好示范账户服务工作的指导意见
        一、各银行应当参照《示范开户指引》（附件1）优化开户服务。
        二、各银行应当参照《示范代发指引》（附件2）开展代发业务。
        附件1
        示范开户指引
        第一条 银行应当公示开户流程。
        第二条 银行应当在开户后三个工作日内完成回访。
        附件2
        示范代发指引
        第一条 银行代发工资不得强制要求员工另行开户。
        """;

    private void IndexOpinions()
    {
        using var index = ArticleIndex.Open(Path.Combine(_data, "index"));
        index.Replace(new RegulationParser().Parse("opinions.md", OpinionsWithTwoAttachments));
    }

    [Fact]
    public void SearchJson_FirstArticlesOfTwoAttachments_TellWhichAttachment()
    {
        IndexOpinions();

        var (_, output, _) = Run(new SearchRequest("开户") { PageSize = 20 });

        using var json = JsonDocument.Parse(output);
        var hits = json.RootElement.GetProperty("hits").EnumerateArray()
            .Select(h => (Article: h.GetProperty("article").GetInt32(), InAttachment: h.GetProperty("in_attachment").GetBoolean(), Attachment: h.GetProperty("attachment")))
            .Select(h => (h.Article, h.InAttachment, Attachment: h.Attachment.ValueKind == JsonValueKind.Null ? (int?)null : h.Attachment.GetInt32()))
            .ToList();
        Assert.Contains((1, true, 1), hits);
        Assert.Contains((1, true, 2), hits);
        Assert.Contains((1, false, null), hits); // the body's 一、 keeps its number, no attachment
        Assert.Equal(hits.Count, hits.Distinct().Count()); // (file, article, attachment) names one hit
    }

    [Fact]
    public void SearchText_ArticleOfAnAttachment_ShowsWhichAttachment()
    {
        IndexOpinions();

        var (_, text, _) = Run(new SearchRequest("开户") { PageSize = 20 }, json: false);

        Assert.Contains(" 附件1 · 第一条 (", text, StringComparison.Ordinal);
        Assert.Contains(" 附件2 · 第一条 (", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_UnknownDocumentNumber_SaidInTextAndListedInJson()
    {
        Index();

        var (code, text, _) = Run(new SearchRequest("银发〔2026〕88号 备付金"), json: false);
        var (_, json, _) = Run(new SearchRequest("银发〔2026〕88号 备付金"));

        Assert.Equal(0, code);
        Assert.StartsWith("No regulation in the index has the document number 银发〔2026〕88号: the other words were searched.", text, StringComparison.Ordinal);
        Assert.Contains("备付金", text, StringComparison.Ordinal); // the words still found the rules
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(["银发〔2026〕88号"], parsed.RootElement.GetProperty("unknown_numbers").EnumerateArray().Select(n => n.GetString()));
        Assert.NotEqual(0, parsed.RootElement.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public void Search_UnknownTitle_SaidInTextAndListedInJson()
    {
        Index();

        var (_, text, _) = Run(new SearchRequest("《某类支付机构备付金管理办法》 挪用"), json: false);
        var (_, json, _) = Run(new SearchRequest("《某类支付机构备付金管理办法》 挪用"));
        var (_, known, _) = Run(new SearchRequest("《某类支付机构备付金试行规则》 挪用"));

        Assert.StartsWith("No regulation in the index has 《某类支付机构备付金管理办法》 in its title: the other words were searched.", text, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(["某类支付机构备付金管理办法"], parsed.RootElement.GetProperty("unknown_titles").EnumerateArray().Select(n => n.GetString()));
        using var found = JsonDocument.Parse(known);
        Assert.Equal(0, found.RootElement.GetProperty("unknown_titles").GetArrayLength());
    }

    [Fact]
    public void Search_Text_RegulationWithoutIssuerOrDate_ShowsNoEmptyPlaces()
    {
        Index(); // the rules name neither issuer nor issue date

        var (_, text, _) = Run(new SearchRequest("备付金"), json: false);

        var line = text.Split('\n').First(l => l.Contains("rules.md", StringComparison.Ordinal));
        Assert.Contains("[in-force]", line);
    }

    [Theory]
    [InlineData(0, "3 articles in 1 regulation (page 1 of 3).")] // 备付金 stands in the title: every article, one a page
    [InlineData(2, "3 articles in 1 regulation (page 3 of 3).")]
    [InlineData(3, "3 articles in 1 regulation; page 4 is past the last (3).")]
    public void Search_Text_SaysWhichPageOfHowMany(int page, string header)
    {
        Index();

        var (code, text, _) = Run(new SearchRequest("备付金") { PageSize = 1, Page = page }, json: false);

        Assert.Equal(0, code);
        Assert.Equal(header, text.Split('\n')[0].TrimEnd('\r'));
    }

    [Fact]
    public void Search_Text_NothingMatched_SaysWhatMayHelp()
    {
        Index();

        var (code, text, _) = Run(new SearchRequest("量子纠缠"), json: false);

        Assert.Equal(0, code);
        Assert.StartsWith("No articles matched. Fewer words, or fewer filters, may find some.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_MalformedQuery_ExitsWithMessageNotStackTrace()
    {
        Index();
        var (code, output, _) = Run(new SearchRequest("备付金 AND"));
        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(output);
        Assert.Contains("AND", json.RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void Search_IssuerNoIndexedRegulationHas_ExitsWithUsageCodeNamingIt()
    {
        Index(); // the rules name no issuer

        var (code, output, errors) = Run(new SearchRequest("备付金") { Issuers = ["中国人民银行"] }, json: false);
        var (jsonCode, json, _) = Run(new SearchRequest("备付金") { Issuers = ["中国人民银行"] });

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("search: No indexed regulation is issued by '中国人民银行'", errors, StringComparison.Ordinal);
        Assert.Equal(2, jsonCode);
        using var parsed = JsonDocument.Parse(json);
        Assert.Contains("'中国人民银行'", parsed.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Search_PageZero_SaysPagesCountFromOne()
    {
        Index();
        var (code, output, _) = Run(new SearchRequest("备付金") { Page = -1 }); // --page 0
        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(output);
        Assert.Contains("--page counts from 1", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void Search_NoIndex_TellsToIngestFirst()
    {
        var (code, _, errors) = Run(new SearchRequest("备付金"), json: false);
        Assert.Equal(1, code);
        Assert.Contains("ot ingest", errors);
    }

    [Fact]
    public void Search_Text_ShowsTitleHeadingAndSnippet()
    {
        Index();
        var (code, output, _) = Run(new SearchRequest("备付金 集中存管"), json: false);
        Assert.Equal(0, code);
        Assert.Contains("某类支付机构备付金试行规则", output);
        Assert.Contains("第一条", output);
        Assert.Contains("<em>", output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
