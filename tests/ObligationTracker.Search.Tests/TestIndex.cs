using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Tests;

/// <summary>An article index opened in a temp folder of its own; on dispose the index is closed, then the folder deleted.</summary>
internal sealed class TestIndex : IDisposable
{
    private readonly TempDirectory _temp = new();

    private TestIndex()
    {
        try
        {
            Index = ArticleIndex.Open(_temp.Path);
        }
        catch
        {
            _temp.Dispose();
            throw;
        }
    }

    /// <summary>The opened index.</summary>
    public ArticleIndex Index { get; }

    /// <summary>The folder the index lives in.</summary>
    public string Path => _temp.Path;

    /// <summary>An empty index, for a test that fills it itself.</summary>
    public static TestIndex Empty() => new();

    /// <summary>An index holding <paramref name="regulations"/>, in force, replaced in one commit.</summary>
    public static TestIndex With(params Regulation[] regulations) => Filled(index => index.Replace(regulations));

    /// <summary>An index holding <paramref name="regulation"/> with the given status and tags.</summary>
    public static TestIndex With(Regulation regulation, RegulationStatus status, Func<Article, ArticleTags>? tags) =>
        Filled(index => index.Replace(regulation, status, tags));

    private static TestIndex Filled(Action<ArticleIndex> fill)
    {
        var test = new TestIndex();
        try
        {
            fill(test.Index);
            return test;
        }
        catch
        {
            test.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Index.Dispose();
        _temp.Dispose();
    }
}
