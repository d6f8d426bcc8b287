using ObligationTracker.Core.Diagnostics;

namespace ObligationTracker.Cli.Ingestion;

/// <summary>What ingesting one file did.</summary>
internal sealed record FileOutcome(string Path, IngestStatus Status, string? Title, int Articles, IReadOnlyList<Diagnostic> Diagnostics);
