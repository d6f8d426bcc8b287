using Microsoft.Extensions.Time.Testing;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Cli.Web;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Storage.Database;
using Xunit;

namespace ObligationTracker.Cli.Tests.Web;

/// <summary>The search page's issuer choices: read from the index once per index version, not on every request.</summary>
public sealed class IssuerChoicesTests : IDisposable
{
    private const string Notice = """
        某类公司备案试行办法
        发文机关：甲乙省地方金融管理局
        第一条 为规范备案工作，制定本办法。
        第二条 本办法自2026年3月1日起施行。
        """;

    private readonly Scratch _scratch = new("ot-issuers-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly ArticleIndex _index;

    public IssuerChoicesTests()
    {
        var data = Path.Combine(_scratch.Root, "data");
        Assert.Equal(0, IngestCommand.Run([_scratch.Write("notice.md", Notice)], data, false, _clock, TextWriter.Null, TextWriter.Null));
        _index = ArticleIndex.Open(new WebOptions(data, StoreSettings.Sqlite(data)).IndexPath);
    }

    [Fact]
    public void Get_IndexUnchanged_GivesTheListItReadBefore()
    {
        var choices = new IssuerChoices(_index);

        var first = choices.Get();
        var second = choices.Get();

        Assert.Equal(["甲乙省地方金融管理局"], first);
        Assert.Same(first, second);
    }

    public void Dispose()
    {
        _index.Dispose();
        _scratch.Dispose();
    }
}
