using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Search.Tests.Querying;

public class SearchTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private SearchResult Search(string query, Func<SearchRequest, SearchRequest>? with = null)
    {
        var request = new SearchRequest(query);
        return fixture.Index.Search(with?.Invoke(request) ?? request);
    }

    private static List<string> Ids(SearchResult result)
    {
        Assert.Null(result.Error);
        return result.Hits.Select(h => $"{h.File}#{h.Article}").ToList();
    }

    [Fact]
    public void Search_Keywords_BestArticleFirst()
    {
        Assert.Equal("sample_data_security.md#2", Ids(Search("数据安全事件 报告"))[0]);
        Assert.Equal("sample_banking.md#3", Ids(Search("重大关联交易 董事会"))[0]);
    }

    [Fact]
    public void Search_EverydayWords_FoundThroughSynonyms()
    {
        // 支付公司 → 支付机构, 国外 → 境外
        Assert.Equal("sample_payments.md#2", Ids(Search("支付公司 把钱转到国外"))[0]);
    }

    [Fact]
    public void Search_LongParaphraseWithFewWordsOfTheText_StillFindsTheArticle()
    {
        // Seven words, of which only 挪用 and 备付金 stand in any article: with most words required nothing would match.
        var ids = Ids(Search("养老金 保证金 挪用 备付金 罚没 股票 期货"));

        Assert.Equal("sample_payments.md#3", ids[0]);
    }

    [Fact]
    public void Search_InstitutionAlias_FindsCanonicalName()
    {
        Assert.Equal("sample_banking.md", Ids(Search("城市商业银行 资本充足率 报表"))[0].Split('#')[0]);
    }

    [Theory]
    [InlineData("金规〔2099〕7号")]
    [InlineData("金规[2099]7号 境外")]
    [InlineData("金规（2099）7号")]
    [InlineData("金规(2099)7号 境外")] // round brackets are the query language's groups, except around a number's year
    [InlineData("金规 (2099) 第7号")]
    [InlineData("2099年金规7号")] // the year first
    public void Search_DocumentNumber_PutsThatRegulationFirst(string query)
    {
        Assert.StartsWith("sample_data_security.md#", Ids(Search(query))[0]);
    }

    [Fact]
    public void Search_KnownDocumentNumber_SearchesOnlyItsRegulation_UnknownNumberLeavesTheWords()
    {
        // 支付机构 and 境外 stand in the payments sample too; the number names the data-security sample.
        var named = Ids(Search("金规〔2099〕7号 支付机构 境外"));
        var unknown = Ids(Search("金规〔2099〕99号 支付机构 境外"));

        Assert.NotEmpty(named);
        Assert.All(named, id => Assert.StartsWith("sample_data_security.md#", id));
        Assert.Equal("sample_data_security.md#3", named[0]);
        Assert.StartsWith("sample_payments.md#", unknown[0]);
    }

    [Theory]
    [InlineData("金规(2099)7 支付机构 境外")] // 号 left out: round brackets still the number's, not a group
    [InlineData("金规[2099]7 支付机构 境外")]
    [InlineData("2099年金规第7号 支付机构 境外")]
    public void Search_DocumentNumberTypedLoosely_SearchesOnlyItsRegulation(string query)
    {
        // As above: without the number, 支付机构 and 境外 would put the payments sample first.
        var named = Ids(Search(query));
        Assert.NotEmpty(named);
        Assert.All(named, id => Assert.StartsWith("sample_data_security.md#", id));
    }

    [Fact]
    public void Search_UnknownDocumentNumber_ReportedWhileTheOtherWordsAreSearched()
    {
        var unknown = Search("金规〔2099〕99号 支付机构 境外");
        var known = Search("金规〔2099〕7号 支付机构 境外");

        Assert.Equal(["金规〔2099〕99号"], unknown.UnknownNumbers);
        Assert.NotEmpty(unknown.Hits);
        Assert.Empty(known.UnknownNumbers);
    }

    [Theory]
    [InlineData("\"境\"")]
    [InlineData("+境")]
    [InlineData("“境”")]
    public void Search_SingleCharacterRequired_FindsEveryArticleHoldingIt(string query)
    {
        // 境 stands only inside 境外 (a character pair in the index, never a unigram).
        Assert.Equal(["sample_data_security.md#3", "sample_payments.md#2"], Ids(Search(query)).Order());
    }

    [Fact]
    public void Search_SingleCharacterExcluded_LeavesOutEveryArticleHoldingIt()
    {
        var ids = Ids(Search("支付机构 -境"));

        Assert.NotEmpty(ids);
        Assert.DoesNotContain("sample_payments.md#2", ids);
    }

    [Theory]
    [InlineData(2096, 2096, true)] // no date in the text: the year of its number
    [InlineData(2097, 2099, false)]
    public void Search_YearRange_FindsARegulationDatedOnlyByItsNumber(int from, int to, bool found)
    {
        using var test = TestIndex.With(Samples.Make("sample_undated.md", "示例无日期通知", "银发〔2096〕5号", ["中国人民银行"], null,
            (1, "银行业金融机构应当做好反假货币工作。")));

        var hits = test.Index.Search(new SearchRequest("反假货币") { FromYear = from, ToYear = to }).Hits;

        Assert.Equal(found, hits.Count > 0);
    }

    [Fact]
    public void Search_NumberWithAnotherIssuersPrefix_IsUnknownAndSearchesTheWords()
    {
        // The data-security sample is 金规〔2099〕7号: the same year and serial under another issuer is another document.
        var result = Search("银发〔2099〕7号 支付机构 境外");

        Assert.Equal(["银发〔2099〕7号"], result.UnknownNumbers);
        Assert.StartsWith("sample_payments.md#", Ids(result)[0]);
    }

    [Theory]
    [InlineData("〔2099〕7号 支付机构 境外", "sample_data_security.md#")] // no issuer typed: the year and serial name it
    [InlineData("2099年第7号 支付机构 境外", "sample_data_security.md#")]
    [InlineData("银监令2097年第3号 关联交易", "sample_banking.md#")] // for 中国银行业监督管理委员会令: its characters in order
    [InlineData("三部门令2097年第3号 关联交易", "sample_banking.md#")] // a prefix no number has: not another issuer's
    [InlineData("第3号令 关联交易", "sample_banking.md#")] // no year: the orders numbered 3 in any year
    [InlineData("银监会令第3号 关联交易", "sample_banking.md#")]
    public void Search_NumberWithoutItsExactIssuer_StillSearchesOnlyItsRegulation(string query, string regulation)
    {
        var result = Search(query);

        Assert.Empty(result.UnknownNumbers);
        Assert.NotEmpty(result.Hits);
        Assert.All(Ids(result), id => Assert.StartsWith(regulation, id));
    }

    [Theory]
    [InlineData("《示例支付机构监督管理条例》第18条")]
    [InlineData("示例支付机构监督管理条例 备付金 报告")]
    public void Search_TitleNamedExactly_ThatRegulationBeforeOneWhoseLongerTitleHoldsIt(string query)
    {
        using var test = TestIndex.With(
            Samples.Make("rules.md", "示例支付机构监督管理条例实施细则", null, ["中国人民银行"], new DateOnly(2098, 1, 1),
                (18, "支付机构应当按照规定报告客户备付金的存放和使用情况，备付金报告应当真实。")),
            Samples.Make("act.md", "示例支付机构监督管理条例", null, ["国务院"], new DateOnly(2097, 1, 1),
                (18, "支付机构应当报告备付金情况。")));

        Assert.Equal("act.md", test.Index.Search(new SearchRequest(query)).Hits[0].File);
    }

    [Fact]
    public void Search_OrderWithoutYear_SearchesEveryYearsOrderOfThatSerial()
    {
        using var test = TestIndex.With(
            Samples.Make("order_a.md", "示例征信业务办法", "中国人民银行令〔2097〕第3号", ["中国人民银行"], new DateOnly(2097, 1, 1), (1, "征信机构应当报告信用信息。")),
            Samples.Make("order_b.md", "示例反洗钱办法", "中国人民银行令〔2098〕第3号", ["中国人民银行"], new DateOnly(2098, 1, 1), (1, "金融机构应当报告大额交易。")),
            Samples.Make("order_c.md", "示例支付办法", "中国人民银行令〔2098〕第4号", ["中国人民银行"], new DateOnly(2098, 1, 1), (1, "支付机构应当报告大额交易。")));

        var alone = test.Index.Search(new SearchRequest("第3号令"));
        var topic = test.Index.Search(new SearchRequest("人民银行令第3号 大额交易"));

        Assert.Empty(alone.UnknownNumbers);
        Assert.Equal(["order_a.md", "order_b.md"], alone.Hits.Select(h => h.File).Order());
        Assert.Empty(topic.UnknownNumbers);
        Assert.Equal("order_b.md", topic.Hits[0].File); // the words choose among the orders numbered 3
        Assert.DoesNotContain("order_c.md", topic.Hits.Select(h => h.File));
    }

    [Theory]
    [InlineData("银发〔2099〕123号")] // no regulation has the year and serial
    [InlineData("银保监会令〔2099〕第7号")] // the data-security sample's year and serial, under another issuer's prefix
    public void Search_UnknownDocumentNumberAlone_FindsNothingAndSaysWhy(string number)
    {
        var result = Search(number);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(0, result.TotalArticles);
        Assert.Equal([number], result.UnknownNumbers);
    }

    [Fact]
    public void Search_TitleInBracketsNoRegulationHas_ReportedWhileTheOtherWordsAreSearched()
    {
        var unknown = Search("《银行保险机构数据治理办法》 境外");
        var known = Search("《银行保险机构数据安全办法》 境外");
        var unbracketed = Search("银行保险机构数据治理办法 境外"); // words that end like a title are not a name given

        Assert.Equal(["银行保险机构数据治理办法"], unknown.UnknownTitles);
        Assert.NotEmpty(unknown.Hits);
        Assert.Empty(known.UnknownTitles);
        Assert.Equal("sample_data_security.md#3", Ids(known)[0]);
        Assert.Empty(unbracketed.UnknownTitles);
    }

    [Fact]
    public void Search_ProvisionsOfARegulationWithoutAny_TheNameIsStillKnown()
    {
        // The fixture's regulations have no provision documents: the name is looked up in the articles' titles.
        var result = Search("《银行保险机构数据安全办法》 境外", r => r with { Provisions = true });

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.UnknownTitles);
    }

    [Fact]
    public void Search_DocumentNumberAndTopic_TopicArticleOfThatRegulationFirst()
    {
        Assert.Equal("sample_data_security.md#3", Ids(Search("金规〔2099〕7号 境外 个人信息"))[0]);
        Assert.Equal("sample_banking.md#2", Ids(Search("银监会令2097年第3号 资本充足率"))[0]);
    }

    [Fact]
    public void Search_DocumentNumberGluedToTopic_TopicStillChoosesTheArticle()
    {
        // No space between the topic and the issuer: the topic words must not be taken for the number's prefix.
        Assert.Equal("sample_data_security.md#3", Ids(Search("境外个人信息金规〔2099〕7号"))[0]);
        Assert.Equal("sample_data_security.md#1", Ids(Search("数据分类分级金规[2099]7号"))[0]);
    }

    [Fact]
    public void Search_EverydayPaymentWords_RewrittenToRegulationTerms()
    {
        // 支付宝 → 支付机构, 国外 → 境外, 钱 → 资金
        Assert.Equal("sample_payments.md#2", Ids(Search("支付宝 把钱汇到国外"))[0]);
    }

    [Fact]
    public void Search_DeadlineWord_FindsDeadlineExpression()
    {
        // Regulations state deadlines as 二十四小时内, not as 时限 or 多久.
        Assert.Equal("sample_data_security.md#2", Ids(Search("时限"))[0]);
        Assert.Equal("sample_data_security.md#2", Ids(Search("数据出事了多久要报告"))[0]);
    }

    [Theory]
    [InlineData("\"强制捆绑\"")]
    [InlineData("“强制捆绑”")]
    [InlineData("「强制捆绑」")]
    [InlineData("『强制捆绑』")] // the nested forms and the full-width mark, as Chinese input methods type them
    [InlineData("‘强制捆绑’")]
    [InlineData("＂强制捆绑＂")]
    public void Search_QuotedPhrase_MatchesOnlyConsecutiveCharacters(string query)
    {
        // Article 4 holds 捆绑 and 强制 apart; only article 3 holds the phrase.
        Assert.Equal(["sample_payments.md#3"], Ids(Search(query)));
    }

    [Theory]
    [InlineData("\"强制 捆绑\"")] // a space pasted from a spaced-out PDF heading
    [InlineData("\"强　制　捆　绑\"")] // ideographic spaces
    public void Search_QuotedChinesePhraseWithSpaces_MatchesTheCharactersWithout(string query)
    {
        Assert.Equal(["sample_payments.md#3"], Ids(Search(query)));
        Assert.Contains("<em>强制捆绑</em>", Search(query).Hits[0].Snippet);
    }

    [Fact]
    public void Search_QuotedPhraseWithAWord_TheWordChoosesAmongThePhrasesArticles()
    {
        using var test = TestIndex.With(Samples.Make("sample_wm.md", "示例理财业务办法", null, ["国家金融监督管理总局"], new DateOnly(2099, 1, 1),
            (1, "理财公司应当在理财信息登记系统登记产品，并在理财信息登记系统更新信息。")));
        test.Index.Replace(Samples.Make("sample_pension.md", "示例养老理财试点通知", null, ["国家金融监督管理总局"], new DateOnly(2099, 1, 1),
            (1, "试点理财公司应当制定养老理财产品管理制度，加强风险管理，按照规定在理财信息登记系统登记养老理财产品，"
                + "并于每季度结束后报告试点情况，发现问题及时整改，确保试点平稳有序开展。"),
            (2, "试点期限为一年，试点机构可以在试点地区销售养老理财产品，不得跨区域销售。")));
        const string query = "\"理财信息登记系统\" 养老理财";

        // Every hit holds the phrase (it is required); its own score, as large as a phrase of seven pairs is, would otherwise
        // rank the short article that says it twice above the one that also says what else was asked.
        var without = test.Index.Search(new SearchRequest(query), QueryWeights.Default with { Phrase = 2f }).Hits.Select(h => h.File).ToList();
        var with = test.Index.Search(new SearchRequest(query)).Hits.Select(h => h.File).ToList();

        Assert.Equal(["sample_wm.md", "sample_pension.md"], without); // the control
        Assert.Equal(["sample_pension.md", "sample_wm.md"], with);
    }

    [Theory]
    [InlineData("\"提供外包服务未满3年\"", 1)] // ends with a lone character: the text pairs it with the next (年的)
    [InlineData("\"第3条\"", 2)] // starts and ends with one (法第, 条规)
    [InlineData("\"未满3年\" 外包", 1)]
    public void Search_QuotedPhraseWithALoneCharacterAtAnEnd_FindsTheArticle(string query, int article)
    {
        using var test = TestIndex.With(Samples.Make("sample_outsourcing.md", "示例外包办法", null, ["中国人民银行"], new DateOnly(2099, 1, 1),
            (1, "对提供外包服务未满3年的机构，银行应当加强现场检查。"),
            (2, "违反本办法第3条规定的，责令改正。"),
            (3, "外包服务满3个月的，应当报告。")));

        var hits = test.Index.Search(new SearchRequest(query)).Hits.Select(h => h.Article).ToList();

        Assert.Equal([article], hits);
    }

    [Fact]
    public void Search_And_RequiresBoth()
    {
        var ids = Ids(Search("备付金 AND 挪用"));
        Assert.Equal(["sample_payments.md#3"], ids);
    }

    [Fact]
    public void Search_Or_AcceptsEither()
    {
        var ids = Ids(Search("\"挪用\" OR \"集中存管\""));
        Assert.Equal(["sample_payments.md#1", "sample_payments.md#3"], ids.Order().ToList());
    }

    [Theory]
    [InlineData("\"挪用\" ＯＲ \"集中存管\"", "\"挪用\" OR \"集中存管\"")] // a Chinese input method's full-width mode
    [InlineData("\"挪用\" ｜｜ \"集中存管\"", "\"挪用\" || \"集中存管\"")]
    [InlineData("支付机构 ＮＯＴ 境外", "支付机构 NOT 境外")]
    [InlineData("备付金 ＡＮＤ 挪用", "备付金 AND 挪用")]
    public void Search_FullWidthOperator_ActsAsTheOperator(string fullWidth, string ascii)
    {
        var expected = Ids(Search(ascii));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Ids(Search(fullWidth)));
    }

    [Fact]
    public void Search_Not_ExcludesArticles()
    {
        var ids = Ids(Search("支付机构 NOT 境外"));
        Assert.NotEmpty(ids);
        Assert.DoesNotContain("sample_payments.md#2", ids);
        Assert.DoesNotContain("sample_data_security.md#3", ids);
        Assert.Equal(Ids(Search("支付机构 -境外")), ids);
    }

    [Fact]
    public void Search_Parentheses_GroupAlternatives()
    {
        var ids = Ids(Search("支付机构 AND (\"挪用\" OR \"跨境\")"));
        Assert.Equal(["sample_payments.md#2", "sample_payments.md#3"], ids.Order().ToList());
    }

    [Theory]
    [InlineData("\"强制捆绑", "quotation mark")]
    [InlineData("AND 备付金", "AND")]
    [InlineData("备付金 OR", "OR")]
    [InlineData("NOT 境外", "only excludes")]
    [InlineData("(备付金 OR 境外", "parenthesis")]
    [InlineData("备付金)", "parenthesis")]
    [InlineData("   ", "empty")]
    [InlineData("\"\"", "empty")]
    [InlineData("『备付金 存管", "not closed")]
    [InlineData("的 了 。", "no searchable words")]
    [InlineData("第一千零一条", "article number alone")]
    public void Search_MalformedQuery_ReturnsMessageNotException(string query, string expected)
    {
        var result = Search(query);
        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(result.Hits);
    }

    [Fact]
    public void Search_LuceneSyntaxCharacters_TreatedAsText()
    {
        Assert.True(Search("备付金? 账户* title:境外 ~2 ^3 [a TO b]").Succeeded);
    }

    [Theory]
    [InlineData("maybe", null, "Unknown modality 'maybe'")]
    [InlineData(null, "old", "Unknown status 'old'")]
    public void Search_UnknownModalityOrStatus_ReturnsMessageNamingTheValues(string? modality, string? status, string expected)
    {
        var result = Search("应当", r => r with { Modalities = modality is null ? [] : [modality], Statuses = status is null ? [] : [status] });
        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public void Search_IssuerNoRegulationHas_ReturnsMessageListingTheIssuers()
    {
        var result = Search("应当", r => r with { Issuers = ["火星银行"] });
        Assert.False(result.Succeeded);
        Assert.Contains("'火星银行'", result.Error);
        Assert.Contains("中国人民银行", result.Error); // an issuer the index holds, to choose from
    }

    [Fact]
    public void Search_PageFarBeyondTheResults_IsEmptyNotAnOverflow()
    {
        var result = Search("应当", r => r with { Page = 999_999_999, PageSize = 10 });
        Assert.True(result.Succeeded);
        Assert.Empty(result.Hits);
        Assert.True(result.TotalArticles > 0);
    }

    [Fact]
    public void Search_IssuerFilterByShortName_KeepsThatIssuer()
    {
        var result = Search("应当", r => r with { Issuers = ["人民银行"] });
        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.Equal("sample_payments.md", h.File));
    }

    [Fact]
    public void Search_InstitutionTypeFilter_IncludesArticlesAddressedToAncestors()
    {
        // 城市商业银行 ⊂ 商业银行 ⊂ … ⊂ 银行保险机构: articles on either bind it; the payments rules do not.
        var files = Search("应当", r => r with { InstitutionTypes = ["城商行"], PageSize = 50, ArticlesPerRegulation = 50 }).Hits.Select(h => h.File).ToHashSet();
        Assert.Equal(["sample_banking.md", "sample_data_security.md"], files.Order());
    }

    [Fact]
    public void Search_UnknownInstitutionType_ReturnsMessage()
    {
        var result = Search("应当", r => r with { InstitutionTypes = ["外星银行"] });
        Assert.Contains("Unknown institution type", result.Error);
    }

    [Fact]
    public void Search_YearRangeAndStatus_Filter()
    {
        Assert.All(Search("应当", r => r with { FromYear = 2098 }).Hits, h => Assert.NotEqual("sample_banking.md", h.File));
        Assert.All(Search("应当", r => r with { ToYear = 2097 }).Hits, h => Assert.Equal("sample_banking.md", h.File));
        Assert.All(Search("应当", r => r with { Statuses = ["repealed"] }).Hits, h => Assert.Equal("sample_banking.md", h.File));
        Assert.Contains("empty", Search("应当", r => r with { FromYear = 2099, ToYear = 2098 }).Error);
    }

    [Fact]
    public void Search_Results_GroupedByRegulationBestArticleFirst()
    {
        var result = Search("支付机构 备付金 境外 监管评级", r => r with { ArticlesPerRegulation = 10, PageSize = 20 });
        var files = result.Hits.Select(h => h.File).ToList();
        // Each regulation's articles stand together, in falling score.
        Assert.Equal(files.Distinct().Count(), files.Select((f, i) => i == 0 || files[i - 1] != f).Count(x => x));
        foreach (var group in result.Hits.GroupBy(h => h.File))
            Assert.Equal(group.Select(h => h.Score).OrderByDescending(s => s), group.Select(h => h.Score));
        Assert.Equal(Enumerable.Range(1, files.Distinct().Count()), result.Hits.Select(h => h.RegulationRank).Distinct());
    }

    [Fact]
    public void Search_Paging_PagesDoNotOverlapAndCountsCoverAll()
    {
        var all = Search("应当", r => r with { PageSize = 100, ArticlesPerRegulation = 100 });
        var first = Search("应当", r => r with { PageSize = 4, ArticlesPerRegulation = 100 });
        var second = Search("应当", r => r with { PageSize = 4, Page = 1, ArticlesPerRegulation = 100 });
        Assert.Equal(all.Hits.Take(8).Select(h => h.File + h.Article), first.Hits.Concat(second.Hits).Select(h => h.File + h.Article));
        Assert.Equal(all.Hits.Count, all.TotalArticles);
        Assert.Equal(3, all.TotalRegulations);
    }

    [Fact]
    public void Search_PagingWithOneArticlePerRegulation_LaterPagesReachEveryArticleCounted()
    {
        // One article of each regulation in the groups; the others, held back by the limit, come after them.
        var seen = new List<string>();
        SearchResult page;
        for (var number = 0; (page = Search("应当", r => r with { PageSize = 2, Page = number, ArticlesPerRegulation = 1 })).Hits.Count > 0 && number < 50; number++)
            seen.AddRange(page.Hits.Select(h => h.File + "#" + h.Article));

        Assert.Equal(page.TotalArticles, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        var first = Search("应当", r => r with { PageSize = 3, ArticlesPerRegulation = 1 });
        Assert.Equal(3, first.Hits.Select(h => h.File).Distinct().Count()); // the groups still come first: one of each
    }

    [Fact]
    public void Search_Facets_CountWholeResultSet()
    {
        var result = Search("应当", r => r with { PageSize = 1 });
        Assert.Single(result.Hits);
        var issuers = result.Facets["issuer"];
        Assert.Equal(result.TotalArticles, issuers.Values.Sum());
        Assert.Equal(2, issuers["中国人民银行"]); // payments articles 1 and 2 say 应当
        Assert.True(result.Facets["type"].ContainsKey("商业银行"));
        Assert.Equal(2, result.Facets["status"]["repealed"]); // banking articles 2 and 3 say 应当
    }

    [Fact]
    public void Search_Snippet_HighlightsQueryWords()
    {
        var hit = Search("监管评级 结果").Hits[0];
        Assert.Contains("<em>监管评级</em>", hit.Snippet);
        Assert.DoesNotContain("<em>的</em>", hit.Snippet);
    }

    [Fact]
    public void Search_SnippetOfPhrase_HighlightsThePhraseAsOne()
    {
        var hit = Search("\"强制捆绑\"").Hits[0];
        Assert.Contains("<em>强制捆绑</em>", hit.Snippet);
    }

    [Fact]
    public void Search_CustomMarkers_Used()
    {
        var hit = Search("备付金", r => r with { HighlightStart = "[", HighlightEnd = "]" }).Hits[0];
        Assert.Contains("[备付金]", hit.Snippet);
    }

    [Fact]
    public void Search_TooManyWords_ClearMessage()
    {
        var result = Search(string.Join(' ', Enumerable.Range(1, 200)));
        Assert.False(result.Succeeded);
        Assert.Contains("too many words", result.Error);
    }

    [Fact]
    public void Search_WordNoArticleHolds_FindsNothingWithoutError()
    {
        var result = Search("鲲鹏");
        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Hits);
    }
}
