using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Register;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Register;
using Xunit;

namespace ObligationTracker.Storage.Tests;

public abstract class RevisionTests : StoreBackendTests
{
    private const string Keep = "信托公司应当建立健全内部控制制度，并定期评估其有效性。";
    private const string Reword = "信托公司应当于每年4月30日前向监管机构报送上一年度合规报告。";
    private const string Reworded = "信托公司应当于每年3月31日前向监管机构报送上一年度合规管理报告。";
    private const string Drop = "信托公司应当设立独立的风险管理部门。";
    private const string Fresh = "信托公司应当建立数据安全事件应急预案并每年演练。";
    private static readonly DateOnly Effective = new(2026, 1, 1);

    [Fact]
    public void Resave_RevisedRegulation_KeepsFlagsClosesAndAddsTracking()
    {
        using var store = Open();
        var v1 = Samples.WithArticles("v1.md", "信托公司合规办法", "甲〔2025〕1号", Effective, Keep, Reword, Drop);
        store.Save(v1, "h1", "/v1.md",
            [Samples.Obligation("v1.md", 1, 1, Keep, "信托公司"), Samples.Obligation("v1.md", 2, 1, Reword, "信托公司"), Samples.Obligation("v1.md", 3, 1, Drop, "信托公司")],
            Samples.Scope("信托公司"));
        var inst = store.Institutions.Add(new Institution("某信托", ["信托公司"]))!;
        var before = store.Register.Applicable(inst);
        foreach (var e in before) store.Tracking.Set(inst.Id, e.ObligationId, new TrackingUpdate(Status: TrackingStatus.Compliant, Owner: "李四"), "alice");

        // v2: a new article 1 pushes the kept one to article 2; the reworded one moves to 3; the dropped one is gone.
        var v2 = Samples.WithArticles("v2.md", "信托公司合规办法", "甲〔2026〕5号", Effective, Fresh, Keep, Reworded);
        var result = store.Save(v2, "h2", "/v2.md",
            [Samples.Obligation("v2.md", 1, 1, Fresh, "信托公司"), Samples.Obligation("v2.md", 2, 1, Keep, "信托公司"), Samples.Obligation("v2.md", 3, 1, Reworded, "信托公司")],
            Samples.Scope("信托公司"));

        Assert.Equal(new ObligationDelta(Unchanged: 1, Changed: 1, Removed: 1, Added: 1), result.Obligations);
        var after = store.Register.Applicable(inst).ToDictionary(e => e.Text);
        var kept = after[Keep];
        Assert.Equal(before[0].ObligationId, kept.ObligationId);
        Assert.Equal((TrackingStatus.Compliant, "李四", false), (kept.Status, kept.Tracking.Owner, kept.Tracking.ReviewRequired));
        Assert.Equal(2, kept.Article);

        var changed = after[Reworded];
        Assert.Equal(before[1].ObligationId, changed.ObligationId);
        Assert.Equal(TrackingStatus.Compliant, changed.Status);
        Assert.True(changed.Tracking.ReviewRequired);
        Assert.Equal(Reword, changed.PreviousText);

        var closed = after[Drop];
        Assert.False(closed.Active);
        Assert.Equal(TrackingStatus.Closed, closed.Status);
        Assert.Contains("第2版删除", closed.Tracking.Reason);
        Assert.Contains(store.Tracking.History(inst.Id, closed.ObligationId), h => h is { Actor: RegulationStore.IngestActor, Field: "status", From: "已合规", To: "已关闭" });

        Assert.Equal(TrackingStatus.Pending, after[Fresh].Status);
        Assert.Equal(4, after.Count);
    }

    [Fact]
    public void ApplicableToAll_AfterRevision_EqualsEachInstitutionsOwnRegister()
    {
        using var store = Open();
        store.Save(Samples.WithArticles("v1.md", "信托公司合规办法", "甲〔2025〕1号", Effective, Keep, Reword, Drop), "h1", "/v1.md",
            [Samples.Obligation("v1.md", 1, 1, Keep, "信托公司"), Samples.Obligation("v1.md", 2, 1, Reword, "信托公司"), Samples.Obligation("v1.md", 3, 1, Drop, "非银行金融机构")],
            Samples.Scope("非银行金融机构"));
        var tracked = store.Institutions.Add(new Institution("甲信托", ["信托公司"]))!;
        var untracked = store.Institutions.Add(new Institution("乙信托", ["信托公司"]))!;
        var other = store.Institutions.Add(new Institution("丙财务公司", ["企业集团财务公司"]))!;
        foreach (var e in store.Register.Applicable(tracked)) store.Tracking.Set(tracked.Id, e.ObligationId, new TrackingUpdate(Owner: "李四"), "alice");
        store.Save(Samples.WithArticles("v2.md", "信托公司合规办法", "甲〔2025〕1号", Effective, Keep, Reworded), "h2", "/v2.md",
            [Samples.Obligation("v2.md", 1, 1, Keep, "信托公司"), Samples.Obligation("v2.md", 2, 1, Reworded, "信托公司")], Samples.Scope("非银行金融机构"));

        var all = store.Register.ApplicableToAll([tracked, untracked, other]).ToDictionary(x => x.Institution.Id, x => x.Entries);

        foreach (var institution in new[] { tracked, untracked, other })
            Assert.Equal(store.Register.Applicable(institution), all[institution.Id], RegisterEntryComparer.Instance);
        Assert.Equal(3, all[tracked.Id].Count); // two kept, one closed
        Assert.Equal(2, all[untracked.Id].Count);
        Assert.Empty(all[other.Id]);
    }

    private sealed class RegisterEntryComparer : IEqualityComparer<RegisterEntry>
    {
        public static readonly RegisterEntryComparer Instance = new();

        public bool Equals(RegisterEntry? x, RegisterEntry? y) =>
            x is not null && y is not null && x.ObligationId == y.ObligationId && x.Text == y.Text && x.Tracking == y.Tracking
            && x.Active == y.Active && x.Addressees.SequenceEqual(y.Addressees);

        public int GetHashCode(RegisterEntry obj) => obj.ObligationId.GetHashCode();
    }

    [Fact]
    public void Changes_AfterRevision_ListsArticlesAndObligationsSideBySide()
    {
        using var store = Open();
        store.Save(Samples.WithArticles("v1.md", "信托公司合规办法", "甲〔2025〕1号", Effective, Keep, Reword, Drop), "h1", "/v1.md",
            [Samples.Obligation("v1.md", 2, 1, Reword, "信托公司"), Samples.Obligation("v1.md", 3, 1, Drop, "信托公司")], Samples.Scope("信托公司"));
        var (stored, _, _) = store.Save(Samples.WithArticles("v2.md", "信托公司合规办法", "甲〔2025〕1号", Effective, Keep, Reworded, Fresh), "h2", "/v2.md",
            [Samples.Obligation("v2.md", 2, 1, Reworded, "信托公司"), Samples.Obligation("v2.md", 3, 1, Fresh, "信托公司")], Samples.Scope("信托公司"));

        var changes = store.Changes.Between(stored)!;

        Assert.Equal((1, 2, 1), (changes.FromVersion, changes.ToVersion, changes.UnchangedArticles));
        Assert.Equal([("changed", 2, 2), ("removed", 3, null), ("added", null, 3)], changes.Articles.Select(a => (a.Change, a.OldArticle, a.NewArticle)));
        Assert.Equal(["added", "changed", "removed"], changes.Obligations.Select(o => o.Change).Order(StringComparer.Ordinal));
        Assert.Contains(changes.Obligations, o => o is { Change: "changed", OldText: Reword, NewText: Reworded });
    }

    [Fact]
    public void Resave_Unchanged_KeepsEveryObligationId()
    {
        using var store = Open();
        var reg = Samples.WithArticles("v1.md", "信托公司合规办法", "甲〔2025〕1号", Effective, Keep, Reword);
        var obligations = new[] { Samples.Obligation("v1.md", 1, 1, Keep, "信托公司"), Samples.Obligation("v1.md", 2, 1, Reword, "信托公司") };
        var (first, _, _) = store.Save(reg, "h1", "/v1.md", obligations, Samples.Scope("信托公司"));
        var ids = store.Obligations(first.Id).Select(o => o.Id).ToList();
        var result = store.Save(reg, "h1b", "/v1b.md", obligations, Samples.Scope("信托公司"));
        Assert.Equal(new ObligationDelta(2, 0, 0, 0), result.Obligations);
        Assert.Equal(ids, store.Obligations(first.Id).Select(o => o.Id));
    }
}

public sealed class SqliteRevisionTests : RevisionTests
{
    protected override StoreSettings CreateSettings() => StoreSettings.Sqlite(Dir);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRevisionTests(PostgresServerFixture pg) : RevisionTests
{
    protected override StoreSettings CreateSettings() => new(StoreBackend.Postgres, pg.Server.CreateDatabase());
}
