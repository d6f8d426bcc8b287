namespace ObligationTracker.Cli.Ingestion;

internal enum IngestStatus
{
    /// <summary>A regulation the store did not have.</summary>
    Stored,

    /// <summary>A new version of a regulation it had.</summary>
    Replaced,

    /// <summary>These exact bytes were stored and indexed before: skipped.</summary>
    Unchanged,

    /// <summary>The store had these bytes but the index was behind (a run killed between the two): indexed again.</summary>
    Reindexed,

    /// <summary>Could not be read; nothing stored was touched.</summary>
    Failed,
}
