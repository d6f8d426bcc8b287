using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Cli.Web;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Register;
using Xunit;

namespace ObligationTracker.Cli.Tests.Web;

/// <summary>The dashboard page's register lines, kept with the dashboard under the store's change stamp.</summary>
public sealed class DashboardCacheTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 5, 20);
    private readonly Scratch _scratch = new("ot-dashboard-cache-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly Stores _stores;
    private readonly DashboardCache _cache;
    private readonly StoredInstitution _institution;

    public DashboardCacheTests()
    {
        var data = Path.Combine(_scratch.Root, "data");
        var store = StoreSettings.Sqlite(data);
        Assert.Equal(0, IngestCommand.Run([_scratch.Write("measures.md", Scratch.Measures)], data, false, _clock, TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, InstitutionCommand.RunAdd(store, "某消费金融", ["消费金融公司"], null, null, _clock, TextWriter.Null, TextWriter.Null));
        _stores = new Stores(store, _clock);
        _cache = new DashboardCache(new CalendarSource(data, NullLogger<CalendarSource>.Instance));
        _institution = _stores.Register.Institutions.Find("某消费金融")!;
    }

    [Fact]
    public void Overview_NothingChanged_GivesTheSameLinesWithoutComputingThemAgain()
    {
        var first = _cache.Overview(_stores, _institution, Today);

        var second = _cache.Overview(_stores, _institution, Today);

        Assert.NotEmpty(first.Lines);
        Assert.Same(first.Lines, second.Lines);
        Assert.Same(first.View, second.View);
    }

    [Fact]
    public void Overview_TrackingChangedAfterARead_ShowsTheChangeAtOnce()
    {
        var before = _cache.Overview(_stores, _institution, Today);
        var obligation = before.Lines[0].ObligationId;

        _stores.Register.Tracking.Set(_institution.Id, obligation, new TrackingUpdate(Owner: "合规部 张三"), "test");
        var after = _cache.Overview(_stores, _institution, Today);

        Assert.Null(before.Lines.Single(l => l.ObligationId == obligation).Owner);
        Assert.Equal("合规部 张三", after.Lines.Single(l => l.ObligationId == obligation).Owner);
    }

    [Fact]
    public void Overview_AnotherDay_ComputesAgain()
    {
        var first = _cache.Overview(_stores, _institution, Today);

        var next = _cache.Overview(_stores, _institution, Today.AddDays(1));

        Assert.NotSame(first.Lines, next.Lines);
        Assert.Equal(Today.AddDays(1), next.View.Today);
    }

    public void Dispose()
    {
        _stores.Dispose();
        _scratch.Dispose();
    }
}
