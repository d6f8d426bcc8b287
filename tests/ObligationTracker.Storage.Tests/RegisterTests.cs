using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Register;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Register;
using Xunit;

namespace ObligationTracker.Storage.Tests;

public abstract class RegisterTests : StoreBackendTests
{
    private static readonly DateOnly Effective = new(2026, 1, 1);

    [Fact]
    public void Applicable_ConsumerFinanceCompany_SeesObligationsOfItsAncestorsInScopeOnly()
    {
        using var store = Open();
        // A rule for all 银行业金融机构: binds through the hierarchy.
        var broad = Samples.WithArticles("broad.md", "甲办法", "甲〔2026〕1号", Effective, "金融机构应当甲。", "非银行金融机构应当乙。", "商业银行应当丙。");
        store.Save(broad, "h1", "/broad.md",
        [
            Samples.Obligation("broad.md", 1, 1, "金融机构应当甲。", "金融机构"),
            Samples.Obligation("broad.md", 2, 1, "非银行金融机构应当乙。", "非银行金融机构"),
            Samples.Obligation("broad.md", 3, 1, "商业银行应当丙。", "商业银行"),
        ], Samples.Scope("银行业金融机构"));
        // A rule for 商业银行 only: its 金融机构 obligation does not reach a 消费金融公司.
        var banks = Samples.WithArticles("banks.md", "乙办法", "乙〔2026〕2号", Effective, "金融机构应当丁。");
        store.Save(banks, "h2", "/banks.md", [Samples.Obligation("banks.md", 1, 1, "金融机构应当丁。", "金融机构")], Samples.Scope("商业银行"));
        var consumer = store.Institutions.Add(new Institution("某消费金融公司", ["消费金融公司"], "北京"))!;
        var bank = store.Institutions.Add(new Institution("某城商行", ["城市商业银行"]))!;

        var forConsumer = store.Register.Applicable(consumer);
        var forBank = store.Register.Applicable(bank);

        Assert.Equal(["金融机构应当甲。", "非银行金融机构应当乙。"], forConsumer.Select(e => e.Text));
        Assert.All(forConsumer, e => Assert.Equal(TrackingStatus.Pending, e.Status));
        Assert.Equal(["金融机构应当甲。", "商业银行应当丙。", "金融机构应当丁。"], forBank.Select(e => e.Text));
    }

    [Fact]
    public void Applicable_RepealedOrNotYetEffective_BindsNobody()
    {
        using var store = Open();
        var (current, _, _) = store.Save(Samples.WithArticles("a.md", "现行办法", "甲〔2025〕1号", new DateOnly(2025, 6, 1), "信托公司应当甲。"), "h1", "/a.md",
            [Samples.Obligation("a.md", 1, 1, "信托公司应当甲。", "信托公司")], Samples.Scope("信托公司"));
        store.Save(Samples.WithArticles("b.md", "未来办法", "甲〔2026〕2号", new DateOnly(2026, 9, 1), "信托公司应当乙。"), "h2", "/b.md",
            [Samples.Obligation("b.md", 1, 1, "信托公司应当乙。", "信托公司")], Samples.Scope("信托公司"));
        var trust = store.Institutions.Add(new Institution("某信托", ["信托公司"]))!;

        Assert.Equal(["信托公司应当甲。"], store.Register.Applicable(trust).Select(e => e.Text));
        Assert.Equal(["信托公司应当甲。", "信托公司应当乙。"], store.Register.Applicable(trust, new DateOnly(2026, 9, 1)).Select(e => e.Text));

        store.SetStatus(current.Id, RegulationStatus.Repealed, "被新规废止");
        Assert.Empty(store.Register.Applicable(trust));
    }

    [Fact]
    public void Applicable_ReferenceType_IsMarkedByReference()
    {
        using var store = Open();
        var obligation = new Core.Mining.Obligation("r.md#1.1", "r.md", 1, "商业银行应当甲。", 0, Core.Mining.Modality.Obligation, ["商业银行"], null, [], ["信托公司"]);
        store.Save(Samples.WithArticles("r.md", "参照办法", "甲〔2026〕3号", Effective, "商业银行应当甲。"), "h", "/r.md", [obligation],
            new RegulationScope(["商业银行"], ["信托公司"], true));
        var trust = store.Institutions.Add(new Institution("某信托", ["信托公司"]))!;
        var bank = store.Institutions.Add(new Institution("某银行", ["商业银行"]))!;

        Assert.True(Assert.Single(store.Register.Applicable(trust)).ByReference);
        Assert.False(Assert.Single(store.Register.Applicable(bank)).ByReference);
    }

    [Fact]
    public void AddInstitution_DuplicateName_IsRefused()
    {
        using var store = Open();
        Assert.NotNull(store.Institutions.Add(new Institution("甲银行", ["商业银行", "外资银行"], "上海", "甲集团")));
        Assert.Null(store.Institutions.Add(new Institution("甲银行", ["信托公司"])));
        var found = store.Institutions.Find("甲银行")!;
        Assert.Equal(["商业银行", "外资银行"], found.Types.Order(StringComparer.Ordinal));
        Assert.Equal("甲集团", found.Group);
    }

    [Fact]
    public void CreateInstitution_UnknownTypeOrAlias_NamesTheBadTypeAndCanonicalisesAliases()
    {
        var (ok, none) = Institution.Create("乙", ["城商行"], null, null, InstitutionTaxonomy.Default);
        Assert.Empty(none);
        Assert.Equal(["城市商业银行"], ok!.Types);
        var (bad, errors) = Institution.Create("丙", ["银行,火星银行"], null, null, InstitutionTaxonomy.Default);
        Assert.Null(bad);
        Assert.Contains(errors, e => e.Contains("火星银行"));
    }
}

public sealed class SqliteRegisterTests : RegisterTests
{
    protected override StoreSettings CreateSettings() => StoreSettings.Sqlite(Dir);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRegisterTests(PostgresServerFixture pg) : RegisterTests
{
    protected override StoreSettings CreateSettings() => new(StoreBackend.Postgres, pg.Server.CreateDatabase());
}
