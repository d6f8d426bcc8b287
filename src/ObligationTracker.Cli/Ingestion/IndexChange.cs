using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Cli.Ingestion;

/// <summary>One regulation the index catch-up (re-)indexed or deleted.</summary>
/// <param name="Title">The stored title; null for a deleted one.</param>
/// <param name="Status">The status now indexed; null for a deleted one.</param>
internal sealed record IndexChange(IndexChangeKind Kind, string File, string? Title, RegulationStatus? Status);
