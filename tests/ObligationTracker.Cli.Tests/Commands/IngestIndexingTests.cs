using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;
using Xunit;

namespace ObligationTracker.Cli.Tests.Commands;

/// <summary>Ingest feeds the search index: articles tagged by their obligations, kept in step with the store.</summary>
public sealed class IngestIndexingTests : IDisposable
{
    private readonly Scratch _scratch = new("ot-ingest-index-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private string Data => Path.Combine(_scratch.Root, "data");

    [Fact]
    public void Ingest_ThenSearchByType_FindsOnlyArticlesWhoseObligationsBindThatType()
    {
        var file = _scratch.Write("measures.md", Scratch.Measures);
        Ingest(file);

        var consumerFinance = Articles(new SearchRequest("报告") { InstitutionTypes = ["消费金融公司"] });
        var insurers = Articles(new SearchRequest("风险") { InstitutionTypes = ["保险公司"], Modalities = ["prohibition"] });

        Assert.Equal([2], consumerFinance);
        Assert.Equal([3], insurers);
    }

    [Fact]
    public void Ingest_IndexLostAfterStoreCommitted_NextRunReindexesInsteadOfSkipping()
    {
        var file = _scratch.Write("measures.md", Scratch.Measures);
        Ingest(file);
        Directory.Delete(Path.Combine(Data, "index"), recursive: true); // as if killed between the store's commit and the index's

        var (code, errors) = Ingest(file);

        Assert.Equal(0, code);
        Assert.Contains("0 stored, 0 replaced, 0 unchanged, 0 failed, 1 re-indexed", errors);
        Assert.Equal([3], Articles(new SearchRequest("虚报")));
        Assert.Contains("1 unchanged", Ingest(file).Errors);
    }

    [Fact]
    public void Ingest_IndexLostThenSameBytesUnderAnotherName_ReindexedOnceUnderTheStoredName()
    {
        Ingest(_scratch.Write("measures.md", Scratch.Measures));
        Directory.Delete(Path.Combine(Data, "index"), recursive: true);
        var copy = _scratch.Write("copy-of-measures.md", Scratch.Measures);

        Assert.Contains("1 re-indexed", Ingest(copy).Errors);

        Assert.Contains("1 unchanged", Ingest(copy).Errors);
        Assert.Equal("measures.md", Assert.Single(Hits(new SearchRequest("虚报"))).GetProperty("file").GetString());
    }

    [Fact]
    public void Ingest_RevisionUnderAnotherFileName_ReplacesTheOldArticlesInTheIndex()
    {
        Ingest(_scratch.Write("measures.md", Scratch.Measures));
        Ingest(_scratch.Write("measures-revised.md", Scratch.Measures.Replace("虚报", "瞒报", StringComparison.Ordinal)));

        Assert.Empty(Articles(new SearchRequest("虚报")));
        var hit = Assert.Single(Hits(new SearchRequest("瞒报")));
        Assert.Equal("measures-revised.md", hit.GetProperty("file").GetString());
    }

    [Fact]
    public void Ingest_SameBytesTwiceInOneRun_StoredAndIndexedOnceThenUnchanged()
    {
        var folder = Path.Combine(_scratch.Root, "batch");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.md"), Scratch.Measures);
        File.WriteAllText(Path.Combine(folder, "b.md"), Scratch.Measures);

        var (code, errors) = Ingest(folder);

        Assert.Equal(0, code);
        Assert.Contains("1 stored, 0 replaced, 1 unchanged, 0 failed", errors); // b.md: its bytes were stored and queued for the index moments before
        Assert.DoesNotContain("re-indexed", errors);
        Assert.Equal("a.md", Assert.Single(Hits(new SearchRequest("虚报"))).GetProperty("file").GetString());
    }

    [Fact]
    public void Ingest_RegulationAndItsRevisionInOneRun_IndexHoldsOnlyTheRevision()
    {
        var folder = Path.Combine(_scratch.Root, "batch");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "1-measures.md"), Scratch.Measures);
        File.WriteAllText(Path.Combine(folder, "2-measures-revised.md"), Scratch.Measures.Replace("虚报", "瞒报", StringComparison.Ordinal));

        var (code, errors) = Ingest(folder);

        Assert.Equal(0, code);
        Assert.Contains("1 stored, 1 replaced", errors);
        Assert.Empty(Hits(new SearchRequest("虚报")));
        Assert.Equal("2-measures-revised.md", Assert.Single(Hits(new SearchRequest("瞒报"))).GetProperty("file").GetString());
        Assert.All(Hits(new SearchRequest("风险 报告") { PageSize = 50 }), h => Assert.Equal("2-measures-revised.md", h.GetProperty("file").GetString()));
    }

    [Fact]
    public void Ingest_KilledAfterStoringBeforeTheBatchWasIndexed_NextRunIndexesEveryStoredFile()
    {
        var files = new[] { _scratch.Write("a.md", Scratch.Measures), _scratch.Write("b.md", Scratch.Measures.Replace("某类公司", "另类公司", StringComparison.Ordinal)) };
        using (var store = Storage.RegulationStore.Open(Data, _clock))
        using (var index = ArticleIndex.Open(Path.Combine(Data, "index")))
        {
            var ingestor = new ObligationTracker.Cli.Ingestion.Ingestor(new Core.Pipeline.RegulationLoader(), store, index, _clock);
            foreach (var file in files) ingestor.Store(ingestor.Prepare(file, _ => false));
            Assert.Equal(2, ingestor.Pending); // stored, not yet indexed: the process dies here
        }

        var (code, errors) = Ingest(files);

        Assert.Equal(0, code);
        Assert.Contains("0 stored, 0 replaced, 0 unchanged, 0 failed, 2 re-indexed", errors);
        Assert.Equal(["a.md", "b.md"], Hits(new SearchRequest("虚报")).Select(h => h.GetProperty("file").GetString()).Order());
    }

    [Fact]
    public void Ingest_ThenSearchProvisions_EachHitIsAnObligationWithItsModalityAddresseesAndDeadline()
    {
        Ingest(_scratch.Write("measures.md", Scratch.Measures));

        var report = Assert.Single(Hits(new SearchRequest("风险评估 报送") { Provisions = true }));
        var lie = Assert.Single(Hits(new SearchRequest("虚报") { Provisions = true }));

        Assert.Equal(2, report.GetProperty("article").GetInt32());
        var provision = report.GetProperty("provision");
        Assert.StartsWith("measures.md#2.", provision.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.Equal("obligation", provision.GetProperty("modality").GetString());
        Assert.Equal(["消费金融公司"], provision.GetProperty("addressees").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("recurring", provision.GetProperty("deadline_kind").GetString());
        Assert.Equal("prohibition", lie.GetProperty("provision").GetProperty("modality").GetString());
        Assert.False(Hits(new SearchRequest("虚报"))[0].TryGetProperty("provision", out _)); // article hits carry none
    }

    [Fact]
    public void SearchJson_Provisions_TotalCountsProvisionsUnderItsOwnName()
    {
        // One article, two obligations: the article search finds one hit, the provision search two.
        Ingest(_scratch.Write("reports.md", """
            某类公司年报试行办法
            第一条 消费金融公司应当于每年4月30日前报送年度风险评估报告。消费金融公司不得虚报风险事项。
            第二条 本办法自2026年3月1日起施行。
            """));

        using var provisions = Answer(new SearchRequest("风险") { Provisions = true });
        using var articles = Answer(new SearchRequest("风险"));

        Assert.Equal("provision", provisions.RootElement.GetProperty("level").GetString());
        Assert.Equal(2, provisions.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(2, provisions.RootElement.GetProperty("total_articles").GetInt32()); // kept as it was for existing scripts
        Assert.Equal("article", articles.RootElement.GetProperty("level").GetString());
        Assert.Equal(1, articles.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public void SearchJson_AfterIngest_EachHitAndGroupCarriesItsRegulationsStoreId()
    {
        Ingest(_scratch.Write("a.md", Scratch.Measures));
        Ingest(_scratch.Write("b.md", Scratch.Measures.Replace("某类公司", "另类公司", StringComparison.Ordinal)));
        Dictionary<string, long> stored;
        using (var store = Storage.RegulationStore.Open(Data, _clock))
            stored = store.List().ToDictionary(r => r.File, r => r.Id);

        var output = new StringWriter();
        Assert.Equal(0, SearchCommand.Run(new SearchRequest("虚报"), Data, asJson: true, output, new StringWriter(), Storage.Database.StoreSettings.Sqlite(Data), _clock));

        using var json = JsonDocument.Parse(output.ToString());
        var hits = json.RootElement.GetProperty("hits").EnumerateArray().ToList();
        var groups = json.RootElement.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(2, hits.Count);
        Assert.All(hits.Concat(groups), h => Assert.Equal(stored[h.GetProperty("file").GetString()!], h.GetProperty("regulation_id").GetInt64()));
        Assert.NotEqual(hits[0].GetProperty("regulation_id").GetInt64(), hits[1].GetProperty("regulation_id").GetInt64());
    }

    [Fact]
    public void SearchJson_JointIssuersDocumentNumber_AsParseGivesIt()
    {
        // The parser gives a joint announcement's number its issuers with spaces between them; the index keeps them.
        var file = _scratch.Write("joint.md", """
            国家金融监督管理总局 中国人民银行关于示范事项办理工作安排的公告
            2024年第9号
            一、银行应当于每季度结束后10日内报送示范事项办理情况。
            二、本公告自公布之日起施行。
            """);
        var parsed = new Core.Pipeline.RegulationLoader().Load(file).Regulation!; // what ot parse prints
        Ingest(file);

        var hits = Hits(new SearchRequest("示范事项 报送"));

        Assert.Equal("国家金融监督管理总局 中国人民银行公告2024年第9号", parsed.DocumentNumber);
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(parsed.DocumentNumber, h.GetProperty("document_number").GetString()));
    }

    public void Dispose()
    {
        _scratch.Dispose();
    }

    private (int Code, string Errors) Ingest(params string[] files)
    {
        var errors = new StringWriter();
        var code = IngestCommand.Run(files, Data, json: false, _clock, new StringWriter(), errors);
        return (code, errors.ToString());
    }

    private JsonDocument Answer(SearchRequest request)
    {
        var output = new StringWriter();
        Assert.Equal(0, SearchCommand.Run(request, Data, asJson: true, output, new StringWriter()));
        return JsonDocument.Parse(output.ToString());
    }

    private List<JsonElement> Hits(SearchRequest request)
    {
        using var json = Answer(request);
        return [.. json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.Clone())];
    }

    private List<int> Articles(SearchRequest request) => [.. Hits(request).Select(h => h.GetProperty("article").GetInt32()).Order()];
}
