using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Storage;

namespace ObligationTracker.Cli.Ingestion;

/// <summary>What ingesting one file did.</summary>
/// <param name="Obligations">What happened to the obligations (added, changed, removed, unchanged) when the file was stored.</param>
internal sealed record FileOutcome(string Path, IngestStatus Status, string? Title, int Articles, IReadOnlyList<Diagnostic> Diagnostics, ObligationDelta? Obligations = null);
