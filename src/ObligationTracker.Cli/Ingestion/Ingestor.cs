using System.Security.Cryptography;
using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Pipeline;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Storage;

namespace ObligationTracker.Cli.Ingestion;

/// <summary>Ingests one file: read, parse, store, index — or skip it when these exact bytes are already stored.</summary>
/// <remarks>
/// A file that fails to read or parse never reaches the store, so what was stored before stays as it was.
/// The store commits before the index; a run killed between the two leaves the index behind, and the next
/// ingest of the same bytes sees that and indexes again, since "unchanged" requires both.
/// The obligations are mined here and saved in the regulation's own transaction; if mining fails the file fails,
/// since storing the regulation without them would read as a revision that removed every obligation.
/// Without an index (another process, a running <c>ot serve</c>, holds it) files go to the store only, and whoever holds
/// the index catches up from the store (<see cref="IndexCatchUp"/>).
/// </remarks>
internal sealed class Ingestor(RegulationLoader loader, RegulationStore store, ArticleIndex? index, TimeProvider clock)
{
    /// <param name="revises">The stored regulation this file is declared to revise (ot ingest --revises), else found by document number or title.</param>
    public FileOutcome Ingest(string path, StoredRegulation? revises = null)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0 || info.Length > loader.Readers.MaxBytes)
            return Failed(loader.Load(path)); // the readers name the problem without reading a huge file

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileOutcome(path, IngestStatus.Failed, null, 0,
                [new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.FileUnreadable, $"The file could not be read: {ex.Message}", path)]);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var known = store.FindByContentHash(hash);
        if (known is not null && (index is null || index.IndexedVersion(known.File) == hash))
            return new FileOutcome(path, IngestStatus.Unchanged, known.Title, known.ArticleCount, []);

        var parsed = loader.Load(bytes, path);
        if (parsed.Regulation is not { } regulation) return Failed(parsed);

        IReadOnlyList<Obligation> obligations;
        RegulationScope scope;
        try
        {
            obligations = ObligationExtractor.Default.Extract(regulation);
            scope = RegulationScope.Of(regulation, obligations, InstitutionTaxonomy.Default);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            return new FileOutcome(path, IngestStatus.Failed, regulation.Title, regulation.Articles.Count,
                [.. parsed.Diagnostics, new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.ExtractionFailed, $"Obligations could not be mined: {ex.Message}", path)]);
        }

        if (known is not null)
        {
            // Same bytes, so the same regulation and obligations: only the index needs completing, under the name the
            // store knows it by (the same bytes may come back under another file name).
            Index(regulation with { File = known.File }, known, obligations, previousFile: null);
            return new FileOutcome(path, IngestStatus.Reindexed, known.Title, known.ArticleCount, parsed.Diagnostics);
        }

        var previous = revises ?? store.FindRevised(regulation);
        var saved = store.Save(regulation, hash, Path.GetFullPath(path), obligations, scope, revises);
        Index(regulation, saved.Regulation, obligations, previous?.File);
        return new FileOutcome(path, saved.Outcome == SaveOutcome.Added ? IngestStatus.Stored : IngestStatus.Replaced,
            regulation.Title, regulation.Articles.Count, parsed.Diagnostics, saved.Obligations);
    }

    /// <summary>Indexes the articles, tagged with the types their obligations bind and their modalities.</summary>
    /// <remarks>The stored record carries the content hash the index records as the version.</remarks>
    private void Index(Regulation regulation, StoredRegulation stored, IReadOnlyList<Obligation> obligations, string? previousFile) =>
        index?.Apply([RegulationIndexing.Update(regulation, stored, RegulationIndexing.Tags(obligations), clock, previousFile)], []);

    private static FileOutcome Failed(ParsedFile parsed) => new(parsed.Path, IngestStatus.Failed, null, 0, parsed.Diagnostics);
}
