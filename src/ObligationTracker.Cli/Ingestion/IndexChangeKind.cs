namespace ObligationTracker.Cli.Ingestion;

/// <summary>What the index catch-up did to one regulation.</summary>
internal enum IndexChangeKind
{
    /// <summary>In the store, not yet in the index.</summary>
    Added,

    /// <summary>In both, but the store holds other bytes (a re-ingest or revision).</summary>
    Reindexed,

    /// <summary>Same bytes, another status (repealed, reinstated, or its effective date came).</summary>
    StatusChanged,

    /// <summary>In the index, no longer in the store under that file name (revised under another name, or deleted).</summary>
    Deleted,
}
