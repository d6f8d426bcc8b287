using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Time.Testing;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Cli.Ingestion;
using ObligationTracker.Core.Pipeline;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using Xunit;
using IndexStatus = ObligationTracker.Search.Indexing.RegulationStatus;
using StoreStatus = ObligationTracker.Storage.RegulationStatus;

namespace ObligationTracker.Cli.Tests.Ingestion;

/// <summary>
/// Two nodes on one (SQLite) store: node A ingests into the store and its own index; node B's index only ever changes
/// through the catch-up, and must end up holding what the store holds, as A's ingest would have indexed it.
/// </summary>
public sealed class IndexCatchUpTests : IDisposable
{
    private readonly Scratch _scratch = new("ot-catchup-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly StoreSettings _store;

    public IndexCatchUpTests()
    {
        _store = StoreSettings.Sqlite(Path.Combine(_scratch.Root, "store"));
    }

    private string NodeA => Path.Combine(_scratch.Root, "a");

    private string IndexB => Path.Combine(_scratch.Root, "b", "index");

    [Fact]
    public void Run_StoreAheadOfEmptyIndex_IndexesEveryRegulationAsIngestDid()
    {
        IngestOnA(_scratch.Write("measures.md", Scratch.Measures));
        IngestOnA(_scratch.Write("other.md", Scratch.Measures.Replace("某类公司报告管理试行办法", "另类公司报告管理办法", StringComparison.Ordinal)));

        var changes = CatchUpB();

        Assert.Equal([(IndexChangeKind.Added, "measures.md"), (IndexChangeKind.Added, "other.md")], changes.Select(c => (c.Kind, c.File)).Order());
        var ingested = StoredDocuments(Path.Combine(NodeA, "index"));
        Assert.Contains(ingested, l => l.Contains(" type=保险公司", StringComparison.Ordinal));
        Assert.Equal(ingested, StoredDocuments(IndexB));
        using var index = ArticleIndex.Open(IndexB);
        var found = index.Search(new SearchRequest("风险") { InstitutionTypes = ["保险公司"], Modalities = ["prohibition"] }).Hits;
        Assert.Equal([("measures.md", 3), ("other.md", 3)], found.Select(h => (h.File, h.Article)).Order());
    }

    [Fact]
    public void Run_IndexUpToDate_ChangesNothing()
    {
        IngestOnA(_scratch.Write("measures.md", Scratch.Measures));
        CatchUpB();

        Assert.Empty(CatchUpB());
    }

    [Fact]
    public void Run_RegulationRepealedThenReinstated_IndexedStatusFollows()
    {
        IngestOnA(_scratch.Write("measures.md", Scratch.Measures));
        CatchUpB();
        SetStatus(StoreStatus.Repealed);

        var repealed = Assert.Single(CatchUpB());
        Assert.Equal((IndexChangeKind.StatusChanged, IndexStatus.Repealed), (repealed.Kind, repealed.Status));
        Assert.Equal(["repealed"], Statuses("虚报"));

        SetStatus(StoreStatus.InForce);
        Assert.Equal(IndexStatus.InForce, Assert.Single(CatchUpB()).Status);
        Assert.Equal(["in-force"], Statuses("虚报"));
    }

    [Fact]
    public void Run_EffectiveDateComes_StatusTurnsInForce()
    {
        IngestOnA(_scratch.Write("measures.md", Scratch.Measures.Replace("2026年3月1日", "2026年4月1日", StringComparison.Ordinal)));
        Assert.Equal(IndexStatus.NotYetEffective, Assert.Single(CatchUpB()).Status);

        _clock.Advance(TimeSpan.FromDays(31));

        Assert.Equal((IndexChangeKind.StatusChanged, IndexStatus.InForce), Assert.Single(CatchUpB()) is var c ? (c.Kind, c.Status) : default);
    }

    [Fact]
    public void Run_IndexWrittenUnderAnOlderLayout_ReindexesEveryRegulation()
    {
        IngestOnA(_scratch.Write("measures.md", Scratch.Measures));
        CatchUpB();
        // What an index written before provisions were indexed records: the bare content hash.
        using (var directory = FSDirectory.Open(IndexB))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, ArticleIndex.CreateAnalyzer())))
        {
            var data = new Dictionary<string, string>(writer.CommitData);
            var key = data.Keys.Single(k => k.StartsWith("version:", StringComparison.Ordinal));
            data[key] = data[key][(data[key].IndexOf(':', StringComparison.Ordinal) + 1)..];
            writer.SetCommitData(data);
            writer.Commit();
        }

        var changes = CatchUpB();

        Assert.Equal([(IndexChangeKind.Reindexed, "measures.md")], changes.Select(c => (c.Kind, c.File)));
        Assert.Empty(CatchUpB());
    }

    [Fact]
    public void Run_ReingestedWithOtherBytes_ReindexesTheNewText()
    {
        var file = _scratch.Write("measures.md", Scratch.Measures);
        IngestOnA(file);
        CatchUpB();
        File.WriteAllText(file, Scratch.Measures.Replace("虚报", "瞒报", StringComparison.Ordinal));
        IngestOnA(file);

        Assert.Equal(IndexChangeKind.Reindexed, Assert.Single(CatchUpB()).Kind);
        Assert.Empty(Statuses("虚报"));
        Assert.Single(Statuses("瞒报"));
    }

    [Fact]
    public void Run_RevisedUnderAnotherFileName_ReplacesTheOldFileInOneCommit()
    {
        IngestOnA(_scratch.Write("measures.md", Scratch.Measures));
        CatchUpB();
        IngestOnA(_scratch.Write("measures-2026.md", Scratch.Measures.Replace("虚报", "瞒报", StringComparison.Ordinal)));

        var changes = CatchUpB();

        Assert.Equal([(IndexChangeKind.Added, "measures-2026.md"), (IndexChangeKind.Deleted, "measures.md")], changes.Select(c => (c.Kind, c.File)).Order());
        Assert.Empty(Statuses("虚报"));
        using var index = ArticleIndex.Open(IndexB);
        Assert.Equal(["measures-2026.md"], index.Indexed().Select(i => i.File));
    }

    [Fact]
    public void Run_IndexHoldsRegulationTheStoreDoesNot_DeletesIt()
    {
        IngestOnA(_scratch.Write("measures.md", Scratch.Measures));
        using (var stray = ArticleIndex.Open(IndexB))
            stray.Replace(new RegulationLoader().Load(_scratch.Write("stray.md", "无关办法\n第一条 银行应当报送报告。")).Regulation!);

        var changes = CatchUpB();

        Assert.Contains(changes, c => c is { Kind: IndexChangeKind.Deleted, File: "stray.md" });
        using var index = ArticleIndex.Open(IndexB);
        Assert.Equal(["measures.md"], index.Indexed().Select(i => i.File));
    }

    [Fact]
    public void RegulationRepeal_WithIndexInDataDirectory_MarksItsArticlesRepealedAtOnce()
    {
        IngestOnA(_scratch.Write("measures.md", Scratch.Measures));
        var errors = new StringWriter();

        Assert.Equal(0, RegulationCommand.RunSetStatus(_store, "某类公司报告管理试行办法", StoreStatus.Repealed, null, _clock, TextWriter.Null, errors, NodeA));

        Assert.Contains("index: 0 added, 0 re-indexed, 1 status changed, 0 deleted", errors.ToString());
        using var index = ArticleIndex.Open(Path.Combine(NodeA, "index"));
        Assert.Equal(["repealed"], index.Search(new SearchRequest("虚报")).Hits.Select(h => h.Status));
    }

    [Fact]
    public void IndexSync_PrintsWhatItDid()
    {
        IngestOnA(_scratch.Write("measures.md", Scratch.Measures));
        var output = new StringWriter();
        var errors = new StringWriter();

        Assert.Equal(0, IndexCommand.RunSync(_store, Path.Combine(_scratch.Root, "b"), json: false, _clock, output, errors));

        Assert.StartsWith("added      measures.md  某类公司报告管理试行办法  (InForce)", output.ToString());
        Assert.Contains("index sync: 1 added, 0 re-indexed, 0 status changed, 0 deleted", errors.ToString());
    }

    [Fact]
    public void IndexSync_IndexOpenInAnotherWriter_SaysSoInsteadOfFailingObscurely()
    {
        using var held = ArticleIndex.Open(IndexB);
        var errors = new StringWriter();

        Assert.Equal(CommandBoundary.UsageError, IndexCommand.RunSync(_store, Path.Combine(_scratch.Root, "b"), json: false, _clock, TextWriter.Null, errors));

        Assert.Contains("open in another process", errors.ToString());
    }

    [Fact]
    public void Ingest_IndexHeldByAnotherWriter_StoresAndTheHolderCatchesUp()
    {
        using var held = ArticleIndex.Open(Path.Combine(NodeA, "index")); // as a running `ot serve` holds it
        var errors = new StringWriter();

        Assert.Equal(0, IngestCommand.Run([_scratch.Write("measures.md", Scratch.Measures)], NodeA, json: false, _clock, TextWriter.Null, errors, _store));

        Assert.Contains("is open in another process", errors.ToString());
        Assert.Empty(held.Indexed());
        using (var store = RegulationStore.Open(_store, _clock))
            Assert.Equal(IndexChangeKind.Added, Assert.Single(new IndexCatchUp(held, _clock).Run(store)).Kind);
        Assert.Single(held.Search(new SearchRequest("虚报")).Hits);
    }

    public void Dispose()
    {
        _scratch.Dispose();
    }

    private void IngestOnA(string file) =>
        Assert.Equal(0, IngestCommand.Run([file], NodeA, json: false, _clock, TextWriter.Null, TextWriter.Null, _store));

    private List<IndexChange> CatchUpB()
    {
        using var store = RegulationStore.Open(_store, _clock);
        using var index = ArticleIndex.Open(IndexB);
        return [.. new IndexCatchUp(index, _clock).Run(store)];
    }

    private void SetStatus(StoreStatus status)
    {
        using var store = RegulationStore.Open(_store, _clock);
        Assert.True(store.SetStatus(store.FindByKey("title:某类公司报告管理试行办法")!.Id, status, null));
    }

    private List<string> Statuses(string query)
    {
        using var index = ArticleIndex.Open(IndexB);
        return [.. index.Search(new SearchRequest(query)).Hits.Select(h => h.Status)];
    }

    /// <summary>Every stored field of every live document, as sorted "id field=value" lines.</summary>
    private static List<string> StoredDocuments(string path)
    {
        using var directory = FSDirectory.Open(path);
        using var reader = DirectoryReader.Open(directory);
        var live = MultiFields.GetLiveDocs(reader);
        var lines = new List<string>();
        for (var i = 0; i < reader.MaxDoc; i++)
        {
            if (live is not null && !live.Get(i)) continue;
            var doc = reader.Document(i);
            lines.AddRange(doc.Fields.Select(f => $"{doc.Get(ArticleFields.Id)} {f.Name}={f.GetStringValue() ?? f.GetInt32Value()?.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        }

        return [.. lines.Order(StringComparer.Ordinal)];
    }
}
