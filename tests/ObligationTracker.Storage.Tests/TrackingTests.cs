using System.Data.Common;
using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Register;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Register;
using Xunit;

namespace ObligationTracker.Storage.Tests;

public abstract class TrackingTests : StoreBackendTests
{
    private (RegulationStore Store, StoredInstitution Institution, long Obligation) Setup()
    {
        var store = Open();
        store.Save(Samples.WithArticles("t.md", "甲办法", "甲〔2026〕1号", new DateOnly(2026, 1, 1), "信托公司应当每年报告。"), "h", "/t.md",
            [Samples.Obligation("t.md", 1, 1, "信托公司应当每年报告。", "信托公司")], Samples.Scope("信托公司"));
        var institution = store.Institutions.Add(new Institution("某信托", ["信托公司"]))!;
        return (store, institution, store.Register.Applicable(institution)[0].ObligationId);
    }

    [Fact]
    public void Set_ClearOwnerNotesAndDue_EmptiesThemAndRecordsOnlyWhatHeldAValue()
    {
        var (store, inst, obligation) = Setup();
        using var _ = store;
        store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Owner: "张三", NextDue: new DateOnly(2026, 4, 30)), "alice");

        var written = store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Clear: TrackingClear.Owner | TrackingClear.Notes | TrackingClear.NextDue), "bob");

        var state = store.Tracking.Get(inst.Id, obligation);
        Assert.Equal((null, null, null), (state.Owner, state.Notes, state.NextDue));
        Assert.Equal([("owner", "张三", null), ("next_due", "2026-04-30", null)], written.Select(h => (h.Field, h.From, h.To)));
        Assert.Empty(store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Clear: TrackingClear.Owner), "bob"));
    }

    [Fact]
    public void Set_ClearReasonAndLastDone_EmptiesThem()
    {
        var (store, inst, obligation) = Setup();
        using var _ = store;
        store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Status: TrackingStatus.InProgress, Reason: "等待监管答复", LastDone: new DateOnly(2026, 3, 31)), "alice");

        var written = store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Clear: TrackingClear.Reason | TrackingClear.LastDone), "bob");

        var state = store.Tracking.Get(inst.Id, obligation);
        Assert.Equal((TrackingStatus.InProgress, null, null), (state.Status, state.Reason, state.LastDone));
        Assert.Equal([("reason", "等待监管答复", null), ("last_done", "2026-03-31", null)], written.Select(h => (h.Field, h.From, h.To)));
    }

    [Fact]
    public void Set_ClearReasonOfNotApplicable_Refused()
    {
        var (store, inst, obligation) = Setup();
        using var _ = store;
        store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Status: TrackingStatus.NotApplicable, Reason: "本公司无此业务"), "alice");

        Assert.Throws<ArgumentException>(() => store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Clear: TrackingClear.Reason), "bob"));
        Assert.Equal("本公司无此业务", store.Tracking.Get(inst.Id, obligation).Reason);
    }

    [Fact]
    public void Set_ValueAndClearForOneField_TheValueWins()
    {
        var (store, inst, obligation) = Setup();
        using var _ = store;

        store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Owner: "李四", Clear: TrackingClear.Owner), "alice");

        Assert.Equal("李四", store.Tracking.Get(inst.Id, obligation).Owner);
    }

    [Fact]
    public void Set_StatusOwnerAndDue_RecordsOneHistoryRowPerChangedField()
    {
        var (store, inst, obligation) = Setup();
        using var _ = store;
        store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Status: TrackingStatus.InProgress, Owner: "张三", NextDue: new DateOnly(2026, 4, 30)), "alice");
        Clock.Advance(TimeSpan.FromHours(1));
        store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Status: TrackingStatus.Compliant, Owner: "张三"), "bob");

        var state = store.Tracking.Get(inst.Id, obligation);
        Assert.Equal(TrackingStatus.Compliant, state.Status);
        Assert.Equal(new DateOnly(2026, 4, 30), state.NextDue);
        var history = store.Tracking.History(inst.Id, obligation);
        Assert.Equal(
            [("alice", "status", "待评估", "进行中"), ("alice", "owner", null, "张三"), ("alice", "next_due", null, "2026-04-30"), ("bob", "status", "进行中", "已合规")],
            history.Select(h => (h.Actor, h.Field, h.From, h.To)));
        Assert.Equal(Clock.GetUtcNow(), history[^1].At);
        Assert.Equal(TrackingStatus.Compliant, store.Register.Applicable(inst)[0].Status);
    }

    [Fact]
    public void Recent_ChangesOfSeveralObligations_NewestFirstWithinTheLimitAndOnlyThisInstitution()
    {
        var store = Open();
        using var _ = store;
        store.Save(Samples.WithArticles("t.md", "甲办法", "甲〔2026〕1号", new DateOnly(2026, 1, 1), "信托公司应当每年报告。", "信托公司应当每季度报送。"), "h", "/t.md",
            [Samples.Obligation("t.md", 1, 1, "信托公司应当每年报告。", "信托公司"), Samples.Obligation("t.md", 2, 1, "信托公司应当每季度报送。", "信托公司")],
            Samples.Scope("信托公司"));
        var inst = store.Institutions.Add(new Institution("某信托", ["信托公司"]))!;
        var other = store.Institutions.Add(new Institution("另一信托", ["信托公司"]))!;
        var (first, second) = (store.Register.Applicable(inst)[0].ObligationId, store.Register.Applicable(inst)[1].ObligationId);
        store.Tracking.Set(inst.Id, first, new TrackingUpdate(Status: TrackingStatus.InProgress), "alice");
        store.Tracking.Set(other.Id, first, new TrackingUpdate(Owner: "李四"), "carol");
        store.Tracking.Set(inst.Id, second, new TrackingUpdate(Owner: "张三"), "bob");
        store.Tracking.Set(inst.Id, first, new TrackingUpdate(Notes: "已起草"), "alice");

        var recent = store.Tracking.Recent(inst.Id, 2);

        Assert.Equal([(first, "notes", "alice"), (second, "owner", "bob")], recent.Select(r => (r.ObligationId, r.Change.Field, r.Change.Actor)));
        Assert.Equal(3, store.Tracking.Recent(inst.Id, 10).Count);
    }

    [Fact]
    public void Set_NotApplicableWithoutReason_IsRefusedAndNothingIsWritten()
    {
        var (store, inst, obligation) = Setup();
        using var _ = store;
        Assert.Throws<ArgumentException>(() => store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Status: TrackingStatus.NotApplicable), "alice"));
        Assert.Empty(store.Tracking.History(inst.Id, obligation));

        store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Status: TrackingStatus.NotApplicable, Reason: "本公司不经营该业务"), "alice");
        Assert.Equal("本公司不经营该业务", store.Tracking.Get(inst.Id, obligation).Reason);
    }

    [Fact]
    public void Set_Evidence_IsAppendedWithItsHash()
    {
        var (store, inst, obligation) = Setup();
        using var _ = store;
        store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Evidence: new EvidenceReference("file", "/docs/report.pdf", "ab12")), "alice");
        store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Evidence: new EvidenceReference("url", "https://intra/report", null)), "alice");

        Assert.Equal(["/docs/report.pdf", "https://intra/report"], store.Tracking.Evidence(inst.Id, obligation).Select(e => e.Evidence.Reference));
        Assert.Equal("ab12", store.Tracking.Evidence(inst.Id, obligation)[0].Evidence.Sha256);
        Assert.Equal(2, store.Tracking.History(inst.Id, obligation).Count(h => h.Field == "evidence"));
    }

    [Fact]
    public void History_UpdateOrDeleteInSql_IsRefusedByTheDatabase()
    {
        var (store, inst, obligation) = Setup();
        store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Owner: "张三", Evidence: new EvidenceReference("url", "https://intra/x", null)), "alice");
        store.Dispose();

        using var raw = StoreConnection.Open(Settings);
        Assert.Equal(2L, Convert.ToInt64(raw.Scalar("SELECT COUNT(*) FROM tracking_history", null), System.Globalization.CultureInfo.InvariantCulture));
        Assert.ThrowsAny<DbException>(() => raw.Execute("UPDATE tracking_history SET actor = 'mallory'", null));
        Assert.ThrowsAny<DbException>(() => raw.Execute("DELETE FROM tracking_history", null));
        Assert.ThrowsAny<DbException>(() => raw.Execute("DELETE FROM evidence", null));
        Assert.ThrowsAny<DbException>(() => raw.Execute("UPDATE evidence SET reference = 'https://elsewhere'", null));
        Assert.Equal(["alice", "alice"], raw.Query("SELECT actor FROM tracking_history", null, r => r.GetString(0)));
    }

    [Fact]
    public async Task Set_TwoWritersOnOnePair_HistoryFormsOneUnbrokenChain()
    {
        var (store, inst, obligation) = Setup();
        store.Dispose();
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(() =>
        {
            using var mine = Open(); // its own connection, as another process would have
            for (var n = 0; n < 100; n++)
                mine.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Notes: $"w{w}-{n}"), $"writer{w}");
        })).ToArray();
        await Task.WhenAll(writers);

        using var reopened = Open();
        var notes = reopened.Tracking.History(inst.Id, obligation).Where(h => h.Field == "notes").ToList();
        Assert.Equal(200, notes.Count);
        Assert.Null(notes[0].From);
        for (var i = 1; i < notes.Count; i++) Assert.Equal(notes[i - 1].To, notes[i].From); // no write based on a stale read
        Assert.Equal(notes[^1].To, reopened.Tracking.Get(inst.Id, obligation).Notes);
    }

    [Fact]
    public void Set_ClosedByHand_IsRefused()
    {
        var (store, inst, obligation) = Setup();
        using var _ = store;
        Assert.Throws<ArgumentException>(() => store.Tracking.Set(inst.Id, obligation, new TrackingUpdate(Status: TrackingStatus.Closed), "alice"));
    }
}

public sealed class SqliteTrackingTests : TrackingTests
{
    protected override StoreSettings CreateSettings() => StoreSettings.Sqlite(Dir);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresTrackingTests(PostgresServerFixture pg) : TrackingTests
{
    protected override StoreSettings CreateSettings() => new(StoreBackend.Postgres, pg.Server.CreateDatabase());
}
