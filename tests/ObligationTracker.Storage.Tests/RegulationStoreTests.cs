using Xunit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Storage.Tests;

public sealed class RegulationStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ot-store-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Save_NewRegulation_IsFoundByHashAfterReopening()
    {
        using (var store = RegulationStore.Open(_dir, _clock))
        {
            var (_, outcome) = store.Save(Sample("金规〔2026〕3号", "第一条正文。"), "hash-a", "/in/a.md");
            Assert.Equal(SaveOutcome.Added, outcome);
        }

        using var reopened = RegulationStore.Open(_dir, _clock);
        var found = reopened.FindByContentHash("hash-a");
        Assert.NotNull(found);
        Assert.Equal("示例监管评级办法", found.Title);
        Assert.Equal(new DateOnly(2026, 2, 1), found.Effective);
        Assert.Equal(_clock.GetUtcNow(), found.IngestedAt);
        var loaded = reopened.Load(found.Id)!;
        Assert.Equal("第一条正文。", loaded.Articles[0].Paragraphs[0].Text);
        Assert.Equal(new TextSpan(10, 9), loaded.Articles[0].Span);
    }

    [Fact]
    public void Save_SameDocumentNumberOtherContent_ReplacesAsNextVersion()
    {
        using var store = RegulationStore.Open(_dir, _clock);
        var (first, _) = store.Save(Sample("金规〔2026〕3号", "旧文。"), "hash-a", "/in/a.md");
        _clock.Advance(TimeSpan.FromDays(1));
        var (second, outcome) = store.Save(Sample("金规〔2026〕3号", "新文。"), "hash-b", "/in/a-revised.md");

        Assert.Equal(SaveOutcome.Replaced, outcome);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.Version);
        Assert.Null(store.FindByContentHash("hash-a"));
        Assert.Single(store.List());
        Assert.Equal("新文。", store.Load(second.Id)!.Articles[0].Paragraphs[0].Text);
    }

    [Fact]
    public void Save_WithoutDocumentNumber_KeysOnTitle()
    {
        using var store = RegulationStore.Open(_dir, _clock);
        store.Save(Sample(null, "甲。"), "h1", "/in/a.md");
        store.Save(Sample(null, "乙。") with { Title = "另一办法" }, "h2", "/in/b.md");
        Assert.Equal(["title:示例监管评级办法", "title:另一办法"], store.List().Select(r => r.Key));
    }

    [Fact]
    public void Open_DatabaseFromNewerProgram_RefusesWithClearMessage()
    {
        using (RegulationStore.Open(_dir, _clock)) { }
        using (var raw = new SqliteConnection($"Data Source={Path.Combine(_dir, RegulationStore.FileName)};Pooling=False"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 'x')";
            cmd.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => RegulationStore.Open(_dir, _clock));
        Assert.Contains("999", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static Regulation Sample(string? documentNumber, string articleText) => new(
        File: "sample.md",
        Title: "示例监管评级办法",
        Issuers: ["国家金融监督管理总局"],
        DocumentNumber: documentNumber,
        Issued: new DateOnly(2026, 1, 5),
        Effective: new DateOnly(2026, 2, 1),
        Articles: [new Article(1, "第一条", "第一章 总则", null, [new Paragraph(articleText, 14, [])], new TextSpan(10, 9))],
        Text: "示例监管评级办法\n第一章 总则\n第一条 " + articleText,
        Notice: null,
        Diagnostics: []);
}
