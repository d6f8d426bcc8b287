namespace ObligationTracker.Storage.Migrations;

/// <summary>The schema, step by step. Append; never edit a released step.</summary>
internal static class SchemaMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "regulations and articles", """
            CREATE TABLE regulations (
                id INTEGER PRIMARY KEY,
                reg_key TEXT NOT NULL UNIQUE,
                file TEXT NOT NULL,
                source_path TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                title TEXT NOT NULL,
                issuer TEXT NULL,
                document_number TEXT NULL,
                issued TEXT NULL,
                effective TEXT NULL,
                article_count INTEGER NOT NULL,
                version INTEGER NOT NULL,
                ingested_at TEXT NOT NULL,
                regulation_json TEXT NOT NULL
            );
            CREATE INDEX ix_regulations_hash ON regulations (content_hash);
            """),
    ];
}
