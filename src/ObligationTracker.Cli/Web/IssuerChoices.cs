using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Cli.Web;

/// <summary>The issuers of the indexed regulations, for the search page's issuer filter, read again only when the index has changed.</summary>
/// <remarks>
/// The filter narrows what the index finds, so the choices are the index's own issuers; whatever adds, replaces or deletes a
/// regulation (an upload here, a catch-up with another node's ingest) commits the index and so changes its
/// <see cref="ArticleIndex.Version"/>: the list is keyed on it, the way <see cref="SearchAnswerCache"/> keys the search answers.
/// </remarks>
internal sealed class IssuerChoices(ArticleIndex index)
{
    private volatile Snapshot? _current;

    public IReadOnlyList<string> Get()
    {
        var version = index.Version;
        if (_current is { } current && current.IndexVersion == version) return current.Issuers;
        var issuers = index.Issuers();
        _current = new Snapshot(version, issuers);
        return issuers;
    }

    private sealed record Snapshot(long IndexVersion, IReadOnlyList<string> Issuers);
}
