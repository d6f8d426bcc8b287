namespace ObligationTracker.Cli.Ingestion;

internal enum IngestStatus
{
    /// <summary>A regulation the store did not have.</summary>
    Stored,

    /// <summary>A new version of a regulation it had.</summary>
    Replaced,

    /// <summary>These exact bytes were stored and indexed before: skipped.</summary>
    Unchanged,

    /// <summary>Could not be read; nothing stored was touched.</summary>
    Failed,
}
