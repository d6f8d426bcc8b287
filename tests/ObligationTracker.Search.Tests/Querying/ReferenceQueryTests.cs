using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Search.Tests.Querying;

/// <summary>Queries that name a regulation (《…》, …办法) or an article of it (第二十八条, 第28条).</summary>
public class ReferenceQueryTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private List<string> Ids(string query, ArticleIndex? index = null)
    {
        var result = (index ?? fixture.Index).Search(new SearchRequest(query));
        Assert.Null(result.Error);
        return [.. result.Hits.Select(h => $"{h.File}#{h.Article}")];
    }

    [Theory]
    [InlineData("商业银行监管评级办法 第3条")]
    [InlineData("商业银行监管评级办法第三条")]
    [InlineData("监管评级 第３条")] // full-width digit
    public void Search_RegulationAndArticleNumber_ThatArticleFirstEvenWithoutTheWords(string query)
    {
        // Article 3 speaks of 关联交易, not of 监管评级: only its number names it.
        Assert.Equal("sample_banking.md#3", Ids(query)[0]);
    }

    [Fact]
    public void Search_ArticleNumberWithTopic_EachRegulationsNumberedArticleLeadsItsGroup()
    {
        var ids = Ids("支付机构 备付金 第二条");

        Assert.Equal("sample_payments.md#2", ids[0]);
    }

    [Fact]
    public void Search_ArticleNamedByNumberOnly_IsCountedInTotalsAndFacets()
    {
        using var test = TestIndex.With(Samples.Make("named.md", "示例办法", null, ["中国人民银行"], null,
            (1, "机构应当及时报告数据安全事件。"),
            (2, "机构应当建立健全内部控制制度。")));

        var result = test.Index.Search(new SearchRequest("数据安全事件 第二条"));

        Assert.Equal("named.md#2", $"{result.Hits[0].File}#{result.Hits[0].Article}"); // named, though its words differ
        Assert.Equal(2, result.Hits.Count);
        Assert.Equal(2, result.TotalArticles);
        Assert.Equal(1, result.TotalRegulations);
        Assert.Equal(2, result.Facets[ArticleFields.Issuer]["中国人民银行"]);
    }

    [Fact]
    public void Search_RegulationNamedInBookTitleMarks_RanksItAboveArticlesThatCiteIt()
    {
        using var test = TestIndex.With(Samples.Make("cites.md", "金融机构客户信息管理规定", null, ["中国人民银行"], null,
            (1, "金融机构处理客户信息，应当遵守《示例个人信息保护法》，依照《示例个人信息保护法》履行个人信息保护义务。"),
            (2, "违反《示例个人信息保护法》规定处理个人信息的，依照《示例个人信息保护法》处罚。")));
        test.Index.Replace(Samples.Make("law.md", "中华人民共和国示例个人信息保护法", null, ["全国人民代表大会常务委员会"], null,
            (1, "为了保护个人信息权益，规范个人信息处理活动，制定本法。"),
            (2, "处理敏感个人信息应当取得个人的单独同意。")));

        Assert.StartsWith("cites.md#", Ids("示例 个人信息 保护", test.Index)[0]); // the control: the same words, not as a name, and citing wins
        Assert.StartsWith("law.md#", Ids("《示例个人信息保护法》 个人信息", test.Index)[0]);
        Assert.StartsWith("law.md#", Ids("示例个人信息保护法 个人信息", test.Index)[0]); // a word ending as titles do names it too
        Assert.Equal("law.md#2", Ids("《示例个人信息保护法》第二条", test.Index)[0]);
    }

    [Fact]
    public void Search_ThreeCharacterLawNameWithArticleNumber_ThatLawsArticleFirst()
    {
        using var test = TestIndex.With(Samples.Make("rules.md", "票据管理实施办法", null, ["中国人民银行"], null,
            (1, "票据当事人应当依照票据法的规定使用票据，票据的签发、取得和转让应当具有真实的交易关系。"),
            (2, "票据法所称的票据，包括汇票、本票和支票，票据当事人应当妥善保管票据。")));
        test.Index.Replace(Samples.Make("law.md", "中华人民共和国票据法", null, ["全国人民代表大会常务委员会"], null,
            (1, "为了规范票据行为，保障票据活动中当事人的合法权益，制定本法。"),
            (2, "持票人应当按照规定的期限提示付款。")));

        Assert.StartsWith("rules.md#", Ids("票据 法", test.Index)[0]); // the control: the words apart name no law, and the rules say them more
        Assert.StartsWith("law.md#", Ids("票据法", test.Index)[0]);
        Assert.Equal("law.md#2", Ids("票据法第二条", test.Index)[0]);
    }

    [Theory]
    [InlineData("什么是预付卡")]
    [InlineData("预付卡是指什么")]
    [InlineData("预付卡的定义")]
    public void Search_QuestionWhatATermMeans_TheDefiningArticleFirst(string query)
    {
        using var test = TestIndex.With(Samples.Make("cards.md", "示例预付卡业务办法", null, ["中国人民银行"], null,
            (1, "发卡机构发行预付卡，应当对预付卡实行实名制管理，预付卡资金应当全额存放，预付卡不得透支。"),
            (2, "本办法所称预付卡，是指以营利为目的发行的、在发行机构之外购买商品或服务的预付价值，包括采取磁条、芯片等技术以卡片、密码等形式发行的凭证。")));

        Assert.Equal("cards.md#1", Ids("预付卡", test.Index)[0]); // the control: the article that uses the word most
        Assert.Equal("cards.md#2", Ids(query, test.Index)[0]);
    }

    [Fact]
    public void Search_DocumentNumberWithTopic_TheArticleSayingTheTopicAsWrittenFirst()
    {
        using var test = TestIndex.With(Samples.Make("rental.md", "示例住房租赁金融意见", "银发〔2099〕9号", ["中国人民银行"], null,
            // Named first here, so that neither article below is raised as the first to name the words.
            (1, "各地应当加强对自持物业、住房租赁企业和相关金融服务的统计监测，定期分析形势，及时报告情况，防范化解风险。"),
            (2, "住房租赁企业自持住房的，住房租赁企业应当将自持住房和物业登记；企业住房租赁合同、物业服务合同应当备案，租赁住房应当符合标准。"),
            (3, "支持自持物业住房租赁企业通过多种渠道融资，鼓励金融机构按照依法合规、风险可控、商业可持续的原则创新金融产品和服务，"
                + "为相关主体提供期限匹配、成本适度的资金支持，并加强对资金用途的监测和管理，防止资金挪用。")));
        const string query = "银发〔2099〕9号 自持物业住房租赁企业";

        var without = test.Index.Search(new SearchRequest(query), QueryWeights.Default with { Chunk = 0 });
        var with = test.Index.Search(new SearchRequest(query));

        Assert.Equal([2, 3], Order(without, 2, 3)); // the control: the words apart, many times, win without the chunk
        Assert.Equal([3, 2], Order(with, 2, 3));
    }

    [Fact]
    public void Search_DocumentNumberWithTopicReworded_TheArticleSharingMostOfItsCharactersFirst()
    {
        using var test = TestIndex.With(Samples.Make("pension.md", "示例个人养老金业务办法", "银保监规〔2099〕16号", ["国家金融监督管理总局"], null,
            // Named first here, so that neither article below is raised as the first to name the words.
            (1, "商业银行应当做好个人养老金业务的资金管理，规范账户开立和信息报送，并定期开展检查评估。"),
            (2, "个人养老金业务中，个人账户资金变动应当记录，资金账户开立信息应当报送，个人养老金产品应当单独核算，个人资金不得挪用。"),
            (3, "参加人可以通过商业银行网点或者电子渠道开立个人养老金资金账户，并与其个人养老金账户绑定。")));
        const string query = "银保监规〔2099〕16号 个人养老金资金账户怎么开立";

        var without = test.Index.Search(new SearchRequest(query), QueryWeights.Default with { TopicBigrams = 0, QueryBigrams = 0, LeadMatch = 0 });
        var with = test.Index.Search(new SearchRequest(query));

        Assert.Equal([2, 3], Order(without, 2, 3)); // the control: the words, often and apart
        Assert.Equal([3, 2], Order(with, 2, 3));
    }

    [Fact]
    public void Search_DocumentNumberWithTopic_RepeatsOfOneTopicWordSaturateSooner()
    {
        using var test = TestIndex.With(Samples.Make("aml.md", "示例支付机构反洗钱办法", "示银发〔2099〕54号", ["中国人民银行"], null,
            // Named first here, so that neither article below is raised as the first to name the words.
            (1, "支付机构应当依法履行义务。账户和制度事项由总部统一管理。"),
            (2, "支付机构应当依法开展业务。新开的账户、变更的账户、冻结的账户、解冻的账户、挂失的账户、休眠的账户和注销的账户，均应遵守制度。"),
            (3, "支付机构应当依法审慎经营。新开的账户和注销的账户，应当遵守内部的制度、操作的制度和报告的制度，定期检查执行情况，及时整改发现的问题，并向董事会报告整改结果。"),
            // Articles without the topic's words, so that the words are rare enough to rank (a tiny index gives words in
            // every article next to no weight).
            (4, "支付机构应当按照规定报送统计数据，并保证数据真实、准确、完整。"),
            (5, "支付机构应当妥善保管业务档案，保管期限不少于五年。"),
            (6, "支付机构变更名称或者住所的，应当在变更后十日内报告。"),
            (7, "支付机构应当开展员工培训，提高从业人员的业务水平。"),
            (8, "支付机构应当配合监督检查，如实提供有关文件和资料。"),
            (9, "本办法由中国人民银行负责解释。")));
        const string query = "示银发〔2099〕54号 账户 制度";
        // The topic as written, its character pairs and the lead match are left out: the saturation is compared, not the other raises.
        var isolated = QueryWeights.Default with { Chunk = 0, LeadMatch = 0, TopicBigrams = 0 };

        var without = test.Index.Search(new SearchRequest(query), isolated with { NumberK1 = isolated.K1 });
        var with = test.Index.Search(new SearchRequest(query), isolated);

        Assert.Equal([2, 3], Order(without, 2, 3)); // the control: one word said seven times wins where repeats count as elsewhere
        Assert.Equal([3, 2], Order(with, 2, 3));
    }

    [Fact]
    public void Search_DocumentNumberWithTopic_WeighsTheLeadSentenceByItsOwnWeight()
    {
        using var test = TestIndex.With(Samples.Make("accounts.md", "示例账户办法", "示银发〔2099〕55号", ["中国人民银行"], null,
            (1, "账户管理制度由总部统一制定。其他事项另行规定。"),
            (2, "机构应当遵守本办法。新开的账户应当登记。"),
            (3, "机构应当按照规定报送统计数据。"),
            (4, "机构应当妥善保管业务档案。"),
            (5, "本办法由中国人民银行负责解释。")));
        double Score(string query, QueryWeights weights) => test.Index.Search(new SearchRequest(query), weights).Hits.Single(h => h.Article == 1).Score;
        var noLead = QueryWeights.Default with { Lead = 0 };

        // Beside a number, article 1's lead mention counts by NumberLead, whatever the free-text Lead is…
        Assert.True(Score("示银发〔2099〕55号 账户", noLead) > Score("示银发〔2099〕55号 账户", noLead with { NumberLead = 0 }));
        // …and a free-text query's by Lead alone.
        Assert.Equal(Score("账户 制度", noLead), Score("账户 制度", noLead with { NumberLead = 0 }));
        Assert.True(Score("账户 制度", QueryWeights.Default) > Score("账户 制度", noLead));
    }

    [Theory]
    [InlineData("人民银行 银监会2099年7号公告 受托机构职责")] // the issuers named apart, then one glued to the number
    [InlineData("人民银行、银监会公告〔2099〕第7号 受托机构职责")]
    public void Search_DocumentNumberWithIssuersNamed_IssuersDoNotChooseTheArticle(string query)
    {
        using var test = TestIndex.With(Samples.Make("trust.md", "示例证券化办法", "中国人民银行 中国银行业监督管理委员会公告〔2099〕第7号", ["中国人民银行", "中国银行业监督管理委员会"], null,
            (1, "中国人民银行、银监会对受托机构实施监督管理，中国人民银行、银监会可以要求受托机构报告。"),
            (2, "受托机构依照信托合同履行下列职责：（一）管理信托财产；（二）披露信息。"),
            (3, "发起机构应当向投资者披露信息。")));

        var hits = test.Index.Search(new SearchRequest(query)).Hits;

        Assert.All(hits, h => Assert.Equal("trust.md", h.File));
        Assert.Equal(2, hits[0].Article);
    }

    /// <summary>The two articles in the order the result lists them.</summary>
    private static List<int> Order(SearchResult result, int a, int b) => result.Hits.Select(h => h.Article).Where(n => n == a || n == b).ToList();
}
