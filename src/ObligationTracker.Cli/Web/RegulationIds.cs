using System.Collections.Frozen;

namespace ObligationTracker.Cli.Web;

/// <summary>The store id of a regulation by the file name the index knows it by, read again only when a file is missing.</summary>
/// <remarks>A search hit names its regulation by file; an upload (here or on another node) adds a file the map lacks, which triggers one re-read.</remarks>
internal sealed class RegulationIds(StorePool pool)
{
    private volatile FrozenDictionary<string, long> _ids = FrozenDictionary<string, long>.Empty;

    public IReadOnlyDictionary<string, long> For(IEnumerable<string> files)
    {
        var ids = _ids;
        if (files.All(ids.ContainsKey)) return ids;
        ids = pool.Use(s => s.Register.IdsByFile().ToFrozenDictionary(StringComparer.Ordinal));
        _ids = ids;
        return ids;
    }
}
