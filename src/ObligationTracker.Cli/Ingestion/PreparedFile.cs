using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Pipeline;
using ObligationTracker.Core.Register;

namespace ObligationTracker.Cli.Ingestion;

/// <summary>A file read, parsed and mined, ready to store: what <see cref="Ingestor.Prepare"/> does on any thread.</summary>
/// <param name="Hash">SHA-256 of the bytes; null where the file could not be read.</param>
/// <param name="Parsed">The parse, with a regulation; null where the file was not parsed (unreadable, or already stored and indexed).</param>
/// <param name="Early">The outcome decided before storing (failed to read, parse or mine; unchanged), else null.</param>
internal sealed record PreparedFile(string Path, string? Hash, ParsedFile? Parsed, IReadOnlyList<Obligation> Obligations, RegulationScope? Scope, FileOutcome? Early);
