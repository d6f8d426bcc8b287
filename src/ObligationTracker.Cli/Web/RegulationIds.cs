using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Cli.Web;

/// <summary>The store ids of regulations by file name, for search answers (which link hits to /api/regulations/{id}).</summary>
/// <remarks>
/// Read from the store once per index version rather than once per search. Every regulation the index holds was stored
/// before it was indexed, so a map read after the index reached a version names every file that version can return.
/// </remarks>
internal sealed class RegulationIds(StorePool stores)
{
    private Snapshot? _current;

    public IReadOnlyDictionary<string, long> For(ArticleIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var version = index.Version;
        if (Volatile.Read(ref _current) is { } current && current.IndexVersion == version) return current.Ids;
        // Several requests may read it at once after a commit; each gets a complete map and the last one stays.
        var ids = stores.Use(s => s.Register.List().GroupBy(r => r.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal));
        Volatile.Write(ref _current, new Snapshot(version, ids));
        return ids;
    }

    private sealed record Snapshot(long IndexVersion, IReadOnlyDictionary<string, long> Ids);
}
