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
    private readonly List<RegulationUpdate> _pending = [];

    /// <param name="revises">The stored regulation this file is declared to revise (ot ingest --revises), else found by document number or title.</param>
    public FileOutcome Ingest(string path, StoredRegulation? revises = null)
    {
        var outcome = Store(Prepare(path, _ => false), revises);
        Flush();
        return outcome;
    }

    /// <summary>
    /// Reads, hashes, parses and mines one file, touching neither the store nor the index, so files can be prepared on
    /// several threads at once. <paramref name="known"/> says whether bytes of that hash are stored and indexed already
    /// (then the file is not parsed: it will be reported unchanged).
    /// </summary>
    public PreparedFile Prepare(string path, Func<string, bool> known)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0 || info.Length > loader.Readers.MaxBytes)
            return Early(path, null, Failed(loader.Load(path))); // the readers name the problem without reading a huge file

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Early(path, null, new FileOutcome(path, IngestStatus.Failed, null, 0,
                [new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.FileUnreadable, $"The file could not be read: {ex.Message}", path)]));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (known(hash)) return new PreparedFile(path, hash, null, [], null, null);

        var parsed = loader.Load(bytes, path);
        if (parsed.Regulation is not { } regulation) return Early(path, hash, Failed(parsed));
        try
        {
            var obligations = ObligationExtractor.Default.Extract(regulation);
            return new PreparedFile(path, hash, parsed, obligations, RegulationScope.Of(regulation, obligations, InstitutionTaxonomy.Default), null);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            return Early(path, hash, new FileOutcome(path, IngestStatus.Failed, regulation.Title, regulation.Articles.Count,
                [.. parsed.Diagnostics, new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.ExtractionFailed, $"Obligations could not be mined: {ex.Message}", path)]));
        }
    }

    /// <summary>
    /// Stores a prepared file (its own transaction) and queues its index update; <see cref="Flush"/> indexes the queue in
    /// one commit. Files are stored one at a time, in order.
    /// </summary>
    public FileOutcome Store(PreparedFile prepared, StoredRegulation? revises = null)
    {
        if (prepared.Early is { } early) return early;
        var hash = prepared.Hash!;
        var known = store.FindByContentHash(hash);
        if (known is not null && (index is null || IndexedVersion(known.File) == hash))
            return new FileOutcome(prepared.Path, IngestStatus.Unchanged, known.Title, known.ArticleCount, []);

        // Judged stored and indexed from a snapshot, then not indexed after all: read, parse and mine it now.
        if (prepared.Parsed is null) return Store(Prepare(prepared.Path, _ => false), revises);
        var (parsed, obligations) = (prepared.Parsed, prepared.Obligations);
        var regulation = parsed.Regulation!;
        if (known is not null)
        {
            // Same bytes, so the same regulation and obligations: only the index needs completing, under the name the
            // store knows it by (the same bytes may come back under another file name).
            Queue(regulation with { File = known.File }, known, obligations, previousFile: null);
            return new FileOutcome(prepared.Path, IngestStatus.Reindexed, known.Title, known.ArticleCount, parsed.Diagnostics);
        }

        var previous = revises ?? store.FindRevised(regulation);
        var saved = store.Save(regulation, hash, Path.GetFullPath(prepared.Path), obligations, prepared.Scope!, revises);
        Queue(regulation, saved.Regulation, obligations, previous?.File);
        return new FileOutcome(prepared.Path, saved.Outcome == SaveOutcome.Added ? IngestStatus.Stored : IngestStatus.Replaced,
            regulation.Title, regulation.Articles.Count, parsed.Diagnostics, saved.Obligations);
    }

    /// <summary>Indexes the queued regulations in one commit (analysed on every core).</summary>
    /// <remarks>
    /// The store committed each of them already; a run killed before this commit leaves them stored but not indexed, and
    /// the next ingest of the same bytes indexes them (<see cref="IngestStatus.Reindexed"/>). Within the queue the last update
    /// of a file wins, and a file that a later revision replaces under another name is not indexed at all.
    /// </remarks>
    public void Flush()
    {
        if (_pending.Count == 0 || index is null)
        {
            _pending.Clear();
            return;
        }

        // In order: a later update of a file replaces an earlier one; a revision under another name takes its old file's
        // place (Apply deletes what the index holds of the old file).
        var byFile = new Dictionary<string, (RegulationUpdate Update, int Order)>(StringComparer.Ordinal);
        for (var i = 0; i < _pending.Count; i++)
        {
            var update = _pending[i];
            if (update.PreviousFile is { } previous) byFile.Remove(previous);
            byFile[update.Regulation.File] = (update, i);
        }

        var latest = byFile.Values.OrderBy(x => x.Order).Select(x => x.Update).ToList();
        _pending.Clear();
        index.Apply(latest, []);
    }

    /// <summary>Files waiting for <see cref="Flush"/>.</summary>
    public int Pending => _pending.Count;

    /// <summary>The version the index holds for a file, counting updates still queued.</summary>
    private string? IndexedVersion(string file) =>
        _pending.LastOrDefault(u => u.Regulation.File == file)?.Version ?? index?.IndexedVersion(file);

    /// <summary>Queues the articles' update, tagged with the types their obligations bind and their modalities.</summary>
    /// <remarks>The stored record carries the content hash the index records as the version.</remarks>
    private void Queue(Regulation regulation, StoredRegulation stored, IReadOnlyList<Obligation> obligations, string? previousFile)
    {
        if (index is not null) _pending.Add(RegulationIndexing.Update(regulation, stored, RegulationIndexing.Tags(obligations), clock, previousFile));
    }

    private static PreparedFile Early(string path, string? hash, FileOutcome outcome) => new(path, hash, null, [], null, outcome);

    private static FileOutcome Failed(ParsedFile parsed) => new(parsed.Path, IngestStatus.Failed, null, 0, parsed.Diagnostics);
}
