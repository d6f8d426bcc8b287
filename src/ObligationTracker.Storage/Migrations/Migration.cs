namespace ObligationTracker.Storage.Migrations;

/// <summary>One schema step. Versions are applied in order, each in its own transaction, and never edited once released.</summary>
/// <param name="Version">1, 2, 3 … without gaps.</param>
/// <param name="Name">What the step does, for the schema_version table.</param>
/// <param name="Sql">Statements separated by semicolons.</param>
public sealed record Migration(int Version, string Name, string Sql);
