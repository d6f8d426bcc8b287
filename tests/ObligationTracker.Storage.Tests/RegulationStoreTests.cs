using ObligationTracker.Core.Structure;
using ObligationTracker.Storage.Database;
using Xunit;

namespace ObligationTracker.Storage.Tests;

public abstract class RegulationStoreTests : StoreBackendTests
{
    [Fact]
    public void Save_NewRegulation_IsFoundByHashAfterReopening()
    {
        using (var store = Open())
        {
            var (_, outcome) = store.Save(Samples.Regulation("金规〔2026〕3号", "第一条正文。"), "hash-a", "/in/a.md");
            Assert.Equal(SaveOutcome.Added, outcome);
        }

        using var reopened = Open();
        var found = reopened.FindByContentHash("hash-a");
        Assert.NotNull(found);
        Assert.Equal("示例监管评级办法", found.Title);
        Assert.Equal(new DateOnly(2026, 2, 1), found.Effective);
        Assert.Equal(Clock.GetUtcNow(), found.IngestedAt);
        var loaded = reopened.Load(found.Id)!;
        Assert.Equal("第一条正文。", loaded.Articles[0].Paragraphs[0].Text);
        Assert.Equal(new TextSpan(10, 9), loaded.Articles[0].Span);
    }

    [Fact]
    public void IdsByFile_EachRegulationByTheFileItWasLastStoredFrom()
    {
        using var store = Open();
        var a = store.Save(Samples.WithArticles("a.md", "甲办法", "金规〔2026〕1号", new DateOnly(2026, 2, 1), "甲文。"), "hash-a", "/in/a.md").Stored;
        store.Save(Samples.WithArticles("b.md", "乙办法", "金规〔2026〕2号", new DateOnly(2026, 2, 1), "乙文。"), "hash-b", "/in/b.md");
        var b = store.Save(Samples.WithArticles("b-revised.md", "乙办法", "金规〔2026〕2号", new DateOnly(2026, 2, 1), "乙新文。"), "hash-c", "/in/b-revised.md").Stored;

        var ids = store.IdsByFile();

        Assert.Equal(new Dictionary<string, long> { ["a.md"] = a.Id, ["b-revised.md"] = b.Id }, ids);
        Assert.NotEqual(a.Id, b.Id);
    }

    [Fact]
    public void Save_SameDocumentNumberOtherContent_ReplacesAsNextVersion()
    {
        using var store = Open();
        var (first, _) = store.Save(Samples.Regulation("金规〔2026〕3号", "旧文。"), "hash-a", "/in/a.md");
        Clock.Advance(TimeSpan.FromDays(1));
        var (second, outcome) = store.Save(Samples.Regulation("金规〔2026〕3号", "新文。"), "hash-b", "/in/a-revised.md");

        Assert.Equal(SaveOutcome.Replaced, outcome);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.Version);
        Assert.Null(store.FindByContentHash("hash-a"));
        Assert.Single(store.List());
        Assert.Equal("新文。", store.Load(second.Id)!.Articles[0].Paragraphs[0].Text);
        Assert.Equal("旧文。", store.LoadVersion(second.Id, 1)!.Articles[0].Paragraphs[0].Text);
    }

    [Fact]
    public void Save_RevisionWithNewDocumentNumberSameTitle_ReplacesAndTakesNewKey()
    {
        using var store = Open();
        var (first, _) = store.Save(Samples.Regulation("金规〔2024〕1号", "旧文。"), "hash-a", "/in/a.md");
        var (second, outcome) = store.Save(Samples.Regulation("金规〔2026〕9号", "新文。"), "hash-b", "/in/b.md");

        Assert.Equal(SaveOutcome.Replaced, outcome);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("doc:金规〔2026〕9号", second.Key);
    }

    [Fact]
    public void Save_WithoutDocumentNumber_KeysOnTitle()
    {
        using var store = Open();
        store.Save(Samples.Regulation(null, "甲。"), "h1", "/in/a.md");
        store.Save(Samples.Regulation(null, "乙。", title: "另一办法"), "h2", "/in/b.md");
        Assert.Equal(["title:示例监管评级办法", "title:另一办法"], store.List().Select(r => r.Key));
    }

    [Fact]
    public void Open_DatabaseFromNewerProgram_RefusesWithClearMessage()
    {
        using (Open()) { }
        using (var raw = StoreConnection.Open(Settings))
            raw.Execute("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 'x')", null);

        var error = Assert.Throws<InvalidOperationException>(Open);
        Assert.Contains("999", error.Message);
    }

    [Fact]
    public void Open_StoreFromBeforeTheRegister_KeepsItsRegulationsThroughMigration2()
    {
        var regulation = Samples.Regulation("金规〔2026〕3号", "第一条正文。");
        using (var raw = StoreConnection.Open(Settings))
        {
            Migrations.SchemaMigrator.Apply(raw.Connection, raw.Dialect, Migrations.SchemaMigrations.All.Take(1).ToList(), Clock);
            raw.Execute("""
                INSERT INTO regulations (reg_key, file, source_path, content_hash, title, article_count, version, ingested_at, regulation_json)
                VALUES ('doc:金规〔2026〕3号', 'sample.md', '/in/a.md', 'hash-a', '示例监管评级办法', 1, 1, '2026-03-01T09:00:00.0000000+00:00', @json)
                """, null, ("@json", System.Text.Json.JsonSerializer.Serialize(regulation, Core.Serialization.OtJson.Compact)));
        }

        using var store = Open();
        var found = store.FindByContentHash("hash-a")!;
        Assert.Equal("第一条正文。", store.Load(found.Id)!.Articles[0].Paragraphs[0].Text);
        Assert.Equal(2, store.Save(Samples.Regulation("金规〔2026〕3号", "新文。"), "hash-b", "/in/b.md").Stored.Version);
    }

    [Fact]
    public void Open_Twice_AppliesMigrationsOnce()
    {
        using (Open()) { }
        using (Open()) { }
        using var raw = StoreConnection.Open(Settings);
        Assert.Equal(2L, Convert.ToInt64(raw.Scalar("SELECT COUNT(*) FROM schema_version", null), System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class SqliteRegulationStoreTests : RegulationStoreTests
{
    protected override StoreSettings CreateSettings() => StoreSettings.Sqlite(Dir);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRegulationStoreTests(PostgresServerFixture pg) : RegulationStoreTests
{
    protected override StoreSettings CreateSettings() => new(StoreBackend.Postgres, pg.Server.CreateDatabase());
}
