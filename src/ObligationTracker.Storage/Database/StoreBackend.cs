namespace ObligationTracker.Storage.Database;

/// <summary>Which database holds the store.</summary>
public enum StoreBackend
{
    /// <summary>Embedded: one file in the data directory (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for several users or nodes.</summary>
    Postgres,
}
