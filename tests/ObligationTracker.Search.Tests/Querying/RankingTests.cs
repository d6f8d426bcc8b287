using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Search.Tests.Querying;

public class RankingTests
{
    private static readonly string[] Issuer = ["中国人民银行"];

    /// <summary>The article numbers of the first page, best first.</summary>
    internal static List<int> Articles(ArticleIndex index, string query, QueryWeights? weights = null) =>
        index.Search(new SearchRequest(query), weights ?? QueryWeights.Default).Hits.Select(h => h.Article).ToList();

    /// <summary>A regulation whose title holds the query's words, and whose articles are about other things.</summary>
    private static readonly Core.Structure.Regulation TitleOnly = Samples.Make(
        "sample_records.md", "客户身份资料及交易记录保存管理办法", null, Issuer, new DateOnly(2099, 1, 1),
        (1, "机构应当建立健全内部控制制度，明确岗位职责。"),
        (2, "机构应当定期开展培训，提高工作人员业务水平。"),
        (3, "机构应当配备必要的系统和设备，保障业务连续运行。"),
        (4, "机构应当指定专门部门负责本办法的组织实施。"),
        (5, "机构应当按照规定报送统计数据。"),
        (6, "本办法自发布之日起施行。"));

    private static readonly Core.Structure.Regulation SaysIt = Samples.Make(
        "sample_aml.md", "反洗钱工作规定", null, Issuer, new DateOnly(2099, 2, 1),
        (1, "金融机构应当将客户身份资料和交易记录至少保存五年。"),
        (2, "金融机构应当开展反洗钱培训。"));

    /// <summary>Articles that use the words often (so that, as in real rules, they are commoner in texts than in titles).</summary>
    private static readonly Core.Structure.Regulation Common = Samples.Make(
        "sample_common.md", "尽职调查指引", null, Issuer, new DateOnly(2099, 3, 1),
        Enumerable.Range(1, 30).Select(n => (n, $"机构应当核对客户身份资料和交易记录的真实性，并按第{n}项要求处理。")).ToArray());

    [Fact]
    public void Search_WordsOnlyInARegulationTitle_DoNotOutrankAnArticleSayingThem()
    {
        using var test = TestIndex.With(TitleOnly, SaysIt, Common);
        var hits = test.Index.Search(new SearchRequest("客户身份资料 交易记录 保存")).Hits;
        Assert.Equal("sample_aml.md#1", $"{hits[0].File}#{hits[0].Article}");
    }

    [Fact]
    public void Search_NumberWithPenaltyQuestion_PutsTheSanctionAboveTheRule()
    {
        // Once the number has chosen the regulation, all its articles share the topic's words: the question's shape decides.
        using var test = TestIndex.With(Samples.Make("sample_prepaid.md", "示例预付卡办法", "示银发〔2099〕2号", Issuer, new DateOnly(2099, 1, 1),
            (1, "发卡机构发行记名预付卡，应当办理实名登记，记名预付卡实名登记资料应当保存五年。"),
            (2, "发卡机构应当建立客户服务制度。"),
            (3, "发卡机构未办理记名预付卡实名登记的，责令限期改正，处一万元以上三万元以下罚款。")));
        const string query = "示银发〔2099〕2号 记名预付卡实名登记 怎么罚";

        var plain = Articles(test.Index, query, QueryWeights.Default with { NumberAnswerShape = 0 });
        var shaped = Articles(test.Index, query);

        Assert.Equal(1, plain[0]); // control: the rule names the topic twice
        Assert.Equal(3, shaped[0]);
    }

    [Fact]
    public void Search_TwoCharacterWordCutApartInTheText_FindsTheArticle()
    {
        // The text's 移交给 is cut 移交 给, so the word 交给 is not in it; the other article holds the word itself.
        var answer = Samples.Make("sample_counterfeit.md", "人民币管理规定", null, Issuer, new DateOnly(2099, 1, 1),
            (1, "单位和个人持有伪造的人民币的，应当及时移交给公安机关。"),
            (2, "本规定自发布之日起施行。"));
        var other = Samples.Make("sample_files.md", "出纳管理规定", null, Issuer, new DateOnly(2099, 1, 1),
            (1, "出纳人员应当将收取的人民币交给会计，交给时当面点清。"),
            (2, "本规定自发布之日起施行。"));
        using var test = TestIndex.With(answer, other);

        // The whole query's pairs and the synonyms (交给 → 移交) would find it too: left out to see the word's own.
        var plain = QueryWeights.Default with { QueryBigrams = 0, Thesaurus = 0, Synonym = 0 };
        var without = test.Index.Search(new SearchRequest("交给"), plain with { WordBigrams = 0 }).Hits;
        var with = test.Index.Search(new SearchRequest("交给"), plain).Hits;

        // Control: as a word, only the other has it (a weight of 0 still lists what its terms match, scoring nothing).
        Assert.DoesNotContain(without, h => h.File == "sample_counterfeit.md" && h.Score > 0);
        Assert.Equal(["sample_files.md", "sample_counterfeit.md"], with.Select(h => h.File));
        Assert.True(with[1].Score > 0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Search_TwoRegulationsTiedOnTheSameArticle_KeepTheirOrderWhicheverWasIndexedFirst(bool laterFirst)
    {
        // The same article in two laws scores the same: the order must not follow the order they were written in.
        Core.Structure.Regulation Law(string file) => Samples.Make(file, "金融业务管理办法", null, Issuer, new DateOnly(2099, 1, 1),
            (1, "证券业和银行业、信托业、保险业实行分业经营、分业管理。"),
            (2, "本办法自发布之日起施行。"));
        var (earlier, later) = (Law("sample_alpha.md"), Law("sample_omega.md"));
        using var test = TestIndex.With(laterFirst ? [later, earlier] : [earlier, later]);

        var hits = test.Index.Search(new SearchRequest("分业经营 分业管理")).Hits;

        Assert.Equal(hits[0].Score, hits[1].Score);
        Assert.Equal(["sample_alpha.md", "sample_omega.md"], hits.Select(h => h.File).Take(2));
    }

    [Fact]
    public void Search_NextRegulationScoringClose_TakesThePlaceOfWeakFurtherArticlesWhichComeAfter()
    {
        var strong = Samples.Make("sample_a.md", "甲办法", null, Issuer, new DateOnly(2099, 1, 1),
            (1, "商业银行应当对理财产品开展风险承受能力评估并留存记录。"),
            (2, "商业银行应当向客户说明理财产品的风险。"));
        var close = Samples.Make("sample_b.md", "乙办法", null, Issuer, new DateOnly(2099, 1, 1),
            (1, "理财公司应当进行风险承受能力评估。"));
        using var test = TestIndex.With(strong, close);
        var query = "理财产品 风险承受能力 评估";

        var grouped = test.Index.Search(new SearchRequest(query)).Hits.Select(h => $"{h.File}#{h.Article}").ToList();
        var all = test.Index.Search(new SearchRequest(query), QueryWeights.Default with { NextRegulationFloor = 0 }).Hits.Select(h => $"{h.File}#{h.Article}").ToList();

        Assert.Equal(["sample_a.md#1", "sample_a.md#2", "sample_b.md#1"], all);
        // The weak further article comes after the next regulation, still on the list for the pages that follow.
        Assert.Equal(["sample_a.md#1", "sample_b.md#1", "sample_a.md#2"], grouped);
    }

    [Fact]
    public void Search_RegulationReplacedWithinOneCommit_FacetsCountOnlyItsLiveArticles()
    {
        using var temp = new TempDirectory();
        using var index = ArticleIndex.Open(temp.Path);
        // Both versions land in one segment (one flush), the first deleted: status differs within the regulation there.
        index.Stage([SaysIt], _ => RegulationStatus.InForce, null);
        index.Stage([SaysIt], _ => RegulationStatus.Repealed, null);
        index.Replace([]);

        var result = index.Search(new SearchRequest("反洗钱"));
        Assert.Equal(2, result.TotalArticles);
        Assert.Equal(new Dictionary<string, int> { ["repealed"] = 2 }, result.Facets["status"]);
        Assert.Equal(2, result.Facets["issuer"]["中国人民银行"]);
    }

    [Fact]
    public void Search_WordTooCommonToSearch_NotReplacedByThesaurusAlternatives()
    {
        // Over 1000 articles, 机构 in a third of them: too common to search (its thesaurus lists 部门, 单位 …).
        var articles = Enumerable.Range(1, 1200)
            .Select(n => (n, $"{(n % 3 == 0 ? "机构" : "当事人")}应当按第{n}项要求办理{(n % 50 == 0 ? "并建立名单" : "")}{(n % 40 == 0 ? "，报告有关部门" : "")}。"))
            .ToArray();
        using var test = TestIndex.With(Samples.Make("sample_many.md", "某办法", null, Issuer, new DateOnly(2099, 1, 1), articles));

        var described = test.Index.DescribeQuery("机构 名单");
        Assert.Contains("text:名单", described);
        Assert.DoesNotContain("text:机构", described);
        Assert.DoesNotContain("部门", described);
    }
    [Fact]
    public void Search_ParaphraseSharingCharacterPairsAcrossWords_RanksThatArticleFirst()
    {
        using var test = TestIndex.With(Samples.Make("sample_frozen.md", "示例办法", null, Issuer, new DateOnly(2099, 1, 1),
            // Named first here, so that neither article below is raised as the first to name the words.
            (1, "机构应当建立健全内部管理制度，明确岗位职责，配备必要人员，做好资金冻结的登记、核对和报告工作，并定期开展检查。"),
            (2, "客户冻结资金的，机构应当通知客户。"),
            (3, "客户资金被冻结的，机构应当通知客户。"),
            (4, "存款金被划转的，应当登记。")));
        const string query = "资金被冻结怎么办";

        var without = test.Index.Search(new SearchRequest(query), QueryWeights.Default with { QueryBigrams = 0 });
        var with = test.Index.Search(new SearchRequest(query));

        Assert.Equal(2, without.Hits[0].Article); // the control: the same words, in a text no longer
        Assert.Equal(3, with.Hits[0].Article);
        // A pair alone (金被) finds nothing: the pairs only rank what the words find.
        Assert.Equal(3, with.TotalArticles);
        Assert.DoesNotContain(with.Hits, h => h.Article == 4);
    }

    [Fact]
    public void Search_LongQueryWhoseUnknownWordsBigramsMatchManyArticles_IsRetriedWithAnyWordEnough()
    {
        // Twelve articles share only a character pair (第一) with a word the index does not know (第一批); the article that
        // answers has three of the question's words, fewer than most of them.
        var articles = Enumerable.Range(1, 12).Select(n => (n, $"依照本办法第一款规定处理第{n}类事项。"))
            .Append((13, "养老理财产品试点期限暂定一年。")).ToArray();
        using var test = TestIndex.With(Samples.Make("sample_pilot.md", "示例通知", null, Issuer, new DateOnly(2099, 1, 1), articles));
        const string query = "第一批养老理财试点开在哪些城市 能试多久 每家最多能卖多少";

        var before = test.Index.Search(new SearchRequest(query), QueryWeights.Default with { StrictLongQueries = false });
        var strict = test.Index.Search(new SearchRequest(query));

        // The control: the pair's twelve articles counted as found, so the search was not retried.
        Assert.DoesNotContain(before.Hits, h => h.Article == 13);
        Assert.Equal(13, strict.Hits[0].Article);
    }

    [Fact]
    public void Search_LaterArticleNamingTheWordsMoreOften_RanksBelowTheArticleThatIntroducesThem()
    {
        using var test = TestIndex.With(Samples.Make("sample_custody.md", "示例存管办法", null, Issuer, new DateOnly(2099, 1, 1),
            (1, "为规范客户资金管理，制定本办法。"),
            (2, "支付机构应当在人民银行开立一个集中存管账户，存放客户资金。"),
            (3, "支付机构迁址的，应当开立新集中存管账户。原集中存管账户的资金应当全部划转至新账户，并办理原账户的销户手续。")));
        const string query = "集中存管账户";

        var without = test.Index.Search(new SearchRequest(query), QueryWeights.Default with { FirstMention = 0 });
        var with = test.Index.Search(new SearchRequest(query));

        Assert.Equal(3, without.Hits[0].Article); // the control: BM25 alone prefers the article naming it twice
        Assert.Equal([2, 3], with.Hits.Take(2).Select(h => h.Article));
    }

    [Fact]
    public void Search_FirstMentionInALowerRegulation_DoesNotLiftItAboveTheRegulationFoundFirst()
    {
        var better = Samples.Make("sample_a.md", "示例甲办法", null, Issuer, new DateOnly(2099, 1, 1),
            (1, "机构应当建立健全内部控制制度，明确岗位职责，配备必要的人员和系统，按照规定开立和使用集中存管账户，定期开展检查和培训。"),
            (2, "机构应当开立集中存管账户，集中存管账户的资金不得挪用。"));
        var weaker = Samples.Make("sample_b.md", "示例乙办法", null, Issuer, new DateOnly(2099, 1, 1),
            (1, "机构应当开立集中存管账户，并将集中存管账户的资金余额报告人民银行和有关部门。"));
        using var test = TestIndex.With(better, weaker);

        var hits = test.Index.Search(new SearchRequest("集中存管账户")).Hits;

        // sample_a's best article is not the first of it to name the words; sample_b's is. The regulations keep their order.
        Assert.Equal(["sample_a.md#2", "sample_b.md#1"], hits.Select(h => $"{h.File}#{h.Article}").Take(2));
    }

    [Theory]
    [InlineData("为了规范集中存管账户管理，制定本办法。", true)] // the purpose statement: passed over
    [InlineData("支付机构应当规范集中存管账户管理。", false)] // a rule: the first mention
    public void Search_PurposeStatementNamingTheWords_IsNotTheirFirstMention(string first, bool passedOver)
    {
        using var test = TestIndex.With(Samples.Make("sample_custody.md", "示例存管办法", null, Issuer, new DateOnly(2099, 1, 1),
            (1, first),
            (2, "支付机构应当在人民银行开立一个集中存管账户，存放客户资金。"),
            (3, "支付机构迁址的，应当开立新集中存管账户。原集中存管账户的资金应当全部划转至新账户，并办理原账户的销户手续。")));

        var hits = test.Index.Search(new SearchRequest("集中存管账户")).Hits;

        // Where the first article is a rule, article 2 is no first mention and BM25's choice (article 3) stands.
        Assert.Equal(passedOver ? 2 : 3, hits.Select(h => h.Article).First(a => a != 1));
        if (passedOver) Assert.Equal(2, hits[0].Article);
    }

    [Fact]
    public void Search_NumberAndTopic_RaisesTheArticleWhoseFirstSentenceSaysTheTopic()
    {
        using var test = TestIndex.With(Samples.Make("sample_credit.md", "示例征信机构办法", "示银发〔2099〕1号", Issuer, new DateOnly(2099, 1, 1),
            (1, "每年三月底前报告上年度经营情况。个人征信机构的信息安全状况、信息安全负责人和信息安全事件应当一并报告。"),
            (2, "个人征信机构应当建立信息安全管理制度，并配备必要的技术设施和专门人员，定期开展检查评估。")));
        const string query = "示银发〔2099〕1号 个人征信机构 信息安全";

        // The weight made plain (the default is smaller): the mechanism is compared, not the tuning.
        var without = Articles(test.Index, query, QueryWeights.Default with { LeadMatch = 0 });
        var with = Articles(test.Index, query, QueryWeights.Default with { LeadMatch = 0.5f });
        IReadOnlyList<float> Scores(float lead) => test.Index.Search(new SearchRequest("个人征信机构 信息安全"), QueryWeights.Default with { LeadMatch = lead }).Hits.Select(h => h.Score).ToList();

        Assert.True(without.IndexOf(2) > 0, $"control: article 2 not first without the lead ({string.Join(",", without)})");
        Assert.Equal(2, with[0]);
        Assert.Equal(Scores(0), Scores(0.5f)); // no number, no topic beside it: the pool is left as it is
    }

    [Fact]
    public void Search_PenaltyAskedForARuleSanctionedByReference_PutsTheSanctionAboveTheRule()
    {
        using var test = TestIndex.With(Samples.Make("sample_real_name.md", "示例实名办法", null, Issuer, new DateOnly(2099, 1, 1),
            (1, "个人开立存款账户，应当出示本人身份证件。"),
            (2, "金融机构为个人开立存款账户，应当核对其身份证件，并登记身份证件上的姓名和号码。"),
            (3, "金融机构违反本规定第二条规定的，由人民银行给予警告，可以处一万元以下罚款。")));
        const string question = "开户时不核对身份证件会被怎么处罚";

        var without = Articles(test.Index, question, QueryWeights.Default with { PenaltyCitations = false });
        var with = Articles(test.Index, question);

        Assert.True(without.IndexOf(3) != 0, $"control: the sanction not first without the citation ({string.Join(",", without)})");
        Assert.Equal([3, 2], with.Take(2));
    }

    [Theory]
    [InlineData("金融机构违反本规定第七条、第八条规定的，给予警告。", new[] { 7, 8 })]
    [InlineData("有下列情形之一的，责令改正：（一）违反第十二条规定开立账户的；（二）违反第15条规定的。", new[] { 12, 15 })]
    [InlineData("依照本办法第二十条的规定予以处罚。", new int[0])] // no breach named: a procedure, not the rule broken
    [InlineData("违反《中华人民共和国反洗钱法》第三十二条规定的，依照该法处罚。", new int[0])] // another instrument's article
    public void Breached_SanctioningText_NamesTheArticlesBroken(string text, int[] articles)
    {
        Assert.Equal(articles, ArticleRoles.Breached(text));
    }

    [Theory]
    [InlineData("预付卡 发行 限额", 2)] // no definition asked: the rule
    [InlineData("什么是预付卡", 1)] // a definition asked: the definition stays first
    public void Search_DefinitionNotAsked_TheRuleOutranksTheDefinition(string query, int first)
    {
        using var test = TestIndex.With(Samples.Make("sample_prepaid.md", "示例预付卡办法", null, Issuer, new DateOnly(2099, 1, 1),
            (1, "本办法所称预付卡，是指发卡机构发行的、有发行限额的预付卡，包括记名预付卡和不记名预付卡。"),
            (2, "发卡机构发行预付卡，单张限额不得超过五千元。")));

        var without = Articles(test.Index, query, QueryWeights.Default with { NotDefinition = 0, FirstMention = 0 });
        // The weight made plain (the default is smaller): the mechanism is compared, not the tuning.
        var with = Articles(test.Index, query, QueryWeights.Default with { FirstMention = 0, NotDefinition = 1 });

        Assert.Equal(1, without[0]); // the control: the definition names the words more often
        Assert.Equal(first, with[0]);
    }

    [Fact]
    public void Search_EarlierRegulationInTheSameSegmentNamingTheWords_DoesNotTakeTheFirstMention()
    {
        using var temp = new TempDirectory();
        using (var building = ArticleIndex.Open(temp.Path))
        {
            building.Replace([Samples.Make("sample_a.md", "示例甲办法", null, Issuer, new DateOnly(2099, 1, 1),
                (1, "机构应当开立集中存管账户。"))]);
            building.Replace([Samples.Make("sample_b.md", "示例乙办法", null, Issuer, new DateOnly(2099, 1, 1),
                (1, "支付机构应当在人民银行开立一个集中存管账户，存放客户资金。"),
                (2, "支付机构迁址的，应当开立新集中存管账户。原集中存管账户的资金应当全部划转至新账户，并办理原账户的销户手续。"))]);
        }

        // Merged into one segment, sample_a's block before sample_b's (a merge keeps the segments' order).
        using (var writer = new Lucene.Net.Index.IndexWriter(Lucene.Net.Store.FSDirectory.Open(temp.Path),
                   new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer())
                   {
                       MergePolicy = new Lucene.Net.Index.LogDocMergePolicy(), // merges in segment order (tiered would put the larger first)
                   }))
            writer.ForceMerge(1);
        using var index = ArticleIndex.Open(temp.Path);
        const string query = "集中存管账户";

        var without = index.Search(new SearchRequest(query), QueryWeights.Default with { FirstMention = 0 });
        var with = index.Search(new SearchRequest(query));

        static List<int> Inside(SearchResult r) => r.Hits.Where(h => h.File == "sample_b.md").Select(h => h.Article).ToList();
        Assert.Equal([2, 1], Inside(without)); // the control: BM25 alone prefers the article naming it twice
        Assert.Equal([1, 2], Inside(with)); // sample_b's first article is its first mention, whatever sample_a says before it
    }
}
