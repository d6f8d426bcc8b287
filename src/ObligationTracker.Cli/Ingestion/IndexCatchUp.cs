using ObligationTracker.Search.Indexing;
using ObligationTracker.Storage;

namespace ObligationTracker.Cli.Ingestion;

/// <summary>
/// Brings this node's index in step with the store: indexes what the store holds and the index does not (or holds other
/// bytes or another status of), deletes what the store no longer holds.
/// </summary>
/// <remarks>
/// Nodes share one store but each keeps its own index, so a regulation ingested, revised, repealed or reinstated through one
/// node reaches the others only through this comparison. It reads the store's summaries (file, content hash, status,
/// effective date) and the versions and statuses the index recorded at its commits, and re-indexes the difference from the
/// store's own copy of the parsed regulation and its obligations — the documents ingest writes (<see cref="RegulationIndexing"/>).
/// Work is committed in batches, so a fresh node's searches see the index fill up rather than wait for all of it. A
/// regulation that changes in the store while it is being indexed is recorded under the hash listed before; the next
/// pass sees the newer hash and indexes it again, so passes converge.
/// </remarks>
internal sealed class IndexCatchUp(ArticleIndex index, TimeProvider clock)
{
    /// <summary>Regulations per commit: large enough to use both cores, small enough that searches see progress.</summary>
    public const int BatchSize = 16;

    /// <summary>One pass; returns what it changed (nothing when the index was up to date).</summary>
    public IReadOnlyList<IndexChange> Run(RegulationStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var current = CurrentByFile(store.List());
        var indexed = index.Indexed().ToDictionary(i => i.File, StringComparer.Ordinal);
        var due = new List<(StoredRegulation Stored, IndexChangeKind Kind)>();
        foreach (var stored in current.Values)
        {
            if (!indexed.TryGetValue(stored.File, out var held)) due.Add((stored, IndexChangeKind.Added));
            else if (held.Version != stored.ContentHash) due.Add((stored, IndexChangeKind.Reindexed));
            else if (held.Status != RegulationIndexing.StatusOf(stored, clock)) due.Add((stored, IndexChangeKind.StatusChanged));
        }

        var gone = indexed.Keys.Where(f => !current.ContainsKey(f)).Order(StringComparer.Ordinal).ToList();
        var changes = new List<IndexChange>(due.Count + gone.Count);
        changes.AddRange(gone.Select(f => new IndexChange(IndexChangeKind.Deleted, f, null, null)));
        if (due.Count == 0)
        {
            if (gone.Count > 0) index.Apply([], gone);
            return changes;
        }

        IReadOnlyList<string> deletes = gone; // with the first batch, so a revision's old file leaves as early as possible
        foreach (var batch in due.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var updates = new List<RegulationUpdate>(batch.Length);
            foreach (var (stored, kind) in batch)
            {
                // Gone since the listing (a concurrent change): the next pass sees what replaced it.
                if (store.Load(stored.Id) is not { } regulation) continue;
                var update = RegulationIndexing.Update(regulation with { File = stored.File }, stored, RegulationIndexing.Tags(store.Obligations(stored.Id)), clock);
                updates.Add(update);
                changes.Add(new IndexChange(kind, stored.File, stored.Title, update.Status));
            }

            index.Apply(updates, deletes);
            deletes = [];
        }

        return changes;
    }

    /// <summary>
    /// The index keys articles by file name; where two stored regulations share one (same name in different folders),
    /// the one ingested last holds it, as it would after ingesting both on one node.
    /// </summary>
    private static Dictionary<string, StoredRegulation> CurrentByFile(IEnumerable<StoredRegulation> stored) =>
        stored.GroupBy(r => r.File, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.IngestedAt).ThenBy(r => r.Id).Last(), StringComparer.Ordinal);
}
