namespace ObligationTracker.Storage.Migrations;

/// <summary>One schema step. Versions are applied in order, each in its own transaction, and never edited once released.</summary>
/// <param name="Version">1, 2, 3 … without gaps.</param>
/// <param name="Name">What the step does, for the schema_version table.</param>
/// <param name="Sql">Statements in the SQL both backends speak, separated by semicolons; <c>{id}</c> is the identity column.</param>
/// <param name="SqliteOnly">Whole statements (triggers with bodies) for SQLite only.</param>
/// <param name="PostgresOnly">Whole statements (functions, triggers) for PostgreSQL only.</param>
public sealed record Migration(int Version, string Name, string Sql, IReadOnlyList<string>? SqliteOnly = null, IReadOnlyList<string>? PostgresOnly = null);
