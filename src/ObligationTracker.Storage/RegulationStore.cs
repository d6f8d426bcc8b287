using System.Data.Common;
using System.Text.Json;
using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Serialization;
using ObligationTracker.Core.Structure;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Migrations;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Storage;

/// <summary>The store of regulations, their obligations, institutions and their tracking: SQLite (a file in the data directory) or PostgreSQL.</summary>
/// <remarks>
/// Every write is one transaction; SQLite runs in WAL mode with full synchronisation, so a process killed mid-write
/// leaves the last committed state intact. The schema is brought up to date when the store is opened.
/// </remarks>
public sealed partial class RegulationStore : IDisposable
{
    public const string FileName = "ot.db";

    /// <summary>Who history rows name when ingest changes tracking (a revision flags or closes it).</summary>
    public const string IngestActor = "ot ingest";

    private const string SummaryColumns = """
        id, reg_key, file, source_path, content_hash, title, issuer, document_number, issued, effective,
        article_count, version, ingested_at, status
        """;

    private readonly StoreConnection _db;
    private readonly TimeProvider _clock;

    private RegulationStore(StoreConnection db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
        Institutions = new InstitutionStore(db, clock);
        Tracking = new TrackingStore(db, clock);
        Register = new RegisterQuery(db, clock);
        Changes = new ChangeQuery(db);
    }

    public InstitutionStore Institutions { get; }

    public TrackingStore Tracking { get; }

    public RegisterQuery Register { get; }

    public ChangeQuery Changes { get; }

    public StoreSettings Settings => _db.Settings;

    /// <summary>The SQLite store in <paramref name="dataDirectory"/>.</summary>
    public static RegulationStore Open(string dataDirectory, TimeProvider clock) => Open(StoreSettings.Sqlite(dataDirectory), clock);

    public static RegulationStore Open(StoreSettings settings, TimeProvider clock)
    {
        var db = StoreConnection.Open(settings);
        try
        {
            SchemaMigrator.Apply(db.Connection, db.Dialect, SchemaMigrations.All, clock);
            return new RegulationStore(db, clock);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>The regulation whose current version was read from exactly these bytes, if any.</summary>
    public StoredRegulation? FindByContentHash(string contentHash) =>
        QuerySummaries(null, "WHERE content_hash = @h", ("@h", contentHash)).FirstOrDefault();

    public StoredRegulation? FindByKey(string key) => QuerySummaries(null, "WHERE reg_key = @k", ("@k", key)).FirstOrDefault();

    /// <summary>A regulation by store id, key, document number, title or file name (the forms a user types).</summary>
    public StoredRegulation? Find(string reference)
    {
        var r = reference.Trim();
        if (long.TryParse(r, out var id) && QuerySummaries(null, "WHERE id = @id", ("@id", id)).FirstOrDefault() is { } byId) return byId;
        return QuerySummaries(null, "WHERE reg_key = @r OR document_number = @r OR title = @r OR file = @r ORDER BY id", ("@r", r)).FirstOrDefault();
    }

    public IReadOnlyList<StoredRegulation> List() => QuerySummaries(null, "ORDER BY id");

    /// <summary>Each regulation's id by the file name the search index knows it by (the oldest, should two share a name).</summary>
    public IReadOnlyDictionary<string, long> IdsByFile() =>
        _db.Query("SELECT file, MIN(id) FROM regulations GROUP BY file", null, r => (File: r.GetString(0), Id: Read.Long(r, 1)))
            .ToDictionary(p => p.File, p => p.Id, StringComparer.Ordinal);

    public Regulation? Load(long id) =>
        _db.Scalar("SELECT v.regulation_json FROM regulations r JOIN regulation_versions v ON v.regulation_id = r.id AND v.version = r.version WHERE r.id = @id", null, ("@id", id)) is string json
            ? JsonSerializer.Deserialize<Regulation>(json, OtJson.Compact)
            : null;

    /// <summary>A stored version of a regulation (1 = first ingest).</summary>
    public Regulation? LoadVersion(long id, int version) =>
        _db.Scalar("SELECT regulation_json FROM regulation_versions WHERE regulation_id = @id AND version = @v", null, ("@id", id), ("@v", version)) is string json
            ? JsonSerializer.Deserialize<Regulation>(json, OtJson.Compact)
            : null;

    /// <summary>Stores a parsed regulation without obligations (structure only).</summary>
    public (StoredRegulation Stored, SaveOutcome Outcome) Save(Regulation regulation, string contentHash, string sourcePath)
    {
        var result = Save(regulation, contentHash, sourcePath, [], new RegulationScope([], [], false));
        return (result.Regulation, result.Outcome);
    }

    /// <summary>
    /// Stores a parsed regulation and its obligations in one transaction, as new or as the next version of the regulation
    /// with the same document number or title (or the one named by <paramref name="revises"/>).
    /// </summary>
    /// <remarks>
    /// On a new version the obligations are matched to the previous ones (<see cref="VersionMatcher"/>): unchanged ones keep
    /// their id and so their tracking; reworded ones keep it too and every institution's tracking is flagged for review;
    /// removed ones are closed with the reason; new ones start untracked (待评估).
    /// </remarks>
    public SaveResult Save(Regulation regulation, string contentHash, string sourcePath, IReadOnlyList<Obligation> obligations, RegulationScope scope, StoredRegulation? revises = null)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        var key = KeyOf(regulation);
        var now = Read.Iso(_clock.GetUtcNow());
        using var tx = _db.Begin();
        var existing = revises ?? FindExisting(tx, regulation, key);
        var json = JsonSerializer.Serialize(regulation, OtJson.Compact);
        (string, object?)[] values =
        [
            ("@key", key), ("@file", regulation.File), ("@path", sourcePath), ("@hash", contentHash), ("@title", regulation.Title),
            ("@issuer", regulation.Issuer), ("@doc", regulation.DocumentNumber), ("@issued", Read.Iso(regulation.Issued)),
            ("@effective", Read.Iso(regulation.Effective)), ("@count", regulation.Articles.Count), ("@at", now), ("@json", json),
        ];
        long id;
        if (existing is null)
        {
            id = _db.InsertReturningId("""
                INSERT INTO regulations (reg_key, file, source_path, content_hash, title, issuer, document_number, issued, effective,
                                         article_count, version, ingested_at)
                VALUES (@key, @file, @path, @hash, @title, @issuer, @doc, @issued, @effective, @count, 1, @at)
                """, tx, values);
        }
        else
        {
            id = existing.Id;
            _db.Execute("""
                UPDATE regulations SET reg_key = @key, file = @file, source_path = @path, content_hash = @hash, title = @title, issuer = @issuer,
                       document_number = @doc, issued = @issued, effective = @effective, article_count = @count,
                       version = version + 1, ingested_at = @at
                WHERE id = @id
                """, tx, [.. values, ("@id", id)]);
        }

        var version = existing is null ? 1 : existing.Version + 1;
        _db.Execute("""
            INSERT INTO regulation_versions (regulation_id, version, file, content_hash, document_number, effective, ingested_at, regulation_json)
            VALUES (@id, @v, @file, @hash, @doc, @effective, @at, @json)
            """, tx, [.. values, ("@id", id), ("@v", version)]);
        WriteScope(tx, id, scope);
        var delta = new ObligationRevision(_db, tx, now).Apply(id, version, obligations);
        tx.Commit();
        return new SaveResult(QuerySummaries(null, "WHERE id = @id", ("@id", id))[0], existing is null ? SaveOutcome.Added : SaveOutcome.Replaced, delta);
    }

    /// <summary>Marks a regulation repealed (废止) or back in force; a repealed one binds nobody any more, its tracking is kept.</summary>
    public bool SetStatus(long regulationId, RegulationStatus status, string? note)
    {
        using var tx = _db.Begin();
        var n = _db.Execute("UPDATE regulations SET status = @s, status_note = @n WHERE id = @id", tx,
            ("@s", status == RegulationStatus.Repealed ? "repealed" : "in_force"), ("@n", note), ("@id", regulationId));
        tx.Commit();
        return n == 1;
    }

    /// <summary>
    /// Refreshes the planner's statistics after a bulk change (ingest): PostgreSQL's ANALYZE, SQLite's PRAGMA optimize.
    /// Without them PostgreSQL plans the register query for empty tables until autovacuum catches up.
    /// </summary>
    public void Optimize() => _db.Execute(_db.Dialect.Backend == StoreBackend.Postgres ? "ANALYZE" : "PRAGMA optimize", null);

    /// <summary>
    /// A value that changes whenever a register could read differently: a tracking change (each writes history), an
    /// ingest (a new version's ingested_at), a repeal or reinstatement. Cheap (four index lookups); caches key on it.
    /// </summary>
    public string ChangeStamp()
    {
        var row = _db.Query("""
            SELECT (SELECT COALESCE(MAX(id), 0) FROM tracking_history), (SELECT COALESCE(MAX(ingested_at), '') FROM regulations),
                   (SELECT COALESCE(SUM(id), 0) FROM regulations WHERE status = 'repealed'), (SELECT COUNT(*) FROM regulations)
            """, null, r => string.Join('|', Enumerable.Range(0, 4).Select(i => Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return row[0];
    }

    /// <summary>The current obligations of a regulation (active only unless <paramref name="includeRemoved"/>).</summary>
    public IReadOnlyList<StoredObligation> Obligations(long regulationId, bool includeRemoved = false) =>
        StoredObligation.Query(_db, null, "o.regulation_id = @r" + (includeRemoved ? "" : " AND o.active = 1"), ("@r", regulationId));

    /// <summary>A regulation is the same across revisions when its document number, else its title, is.</summary>
    public static string KeyOf(Regulation regulation) =>
        regulation.DocumentNumber is { Length: > 0 } number ? "doc:" + number
        : regulation.Title is { Length: > 0 } title ? "title:" + title
        : "file:" + regulation.File;

    public void Dispose() => _db.Dispose();

    /// <summary>
    /// Same key; else the one regulation with the same title (a revision usually gets a new document number); else the one
    /// whose title is the same once 试行/暂行 and (修订) are dropped (试行办法 revised into 办法).
    /// </summary>
    /// <summary>The stored regulation that saving <paramref name="regulation"/> would replace, if any.</summary>
    public StoredRegulation? FindRevised(Regulation regulation) => FindExisting(null, regulation, KeyOf(regulation));

    private StoredRegulation? FindExisting(DbTransaction? tx, Regulation regulation, string key)
    {
        if (QuerySummaries(tx, "WHERE reg_key = @k", ("@k", key)).FirstOrDefault() is { } byKey) return byKey;
        if (regulation.Title is not { Length: > 0 } title) return null;
        var byTitle = QuerySummaries(tx, "WHERE title = @t", ("@t", title));
        if (byTitle.Count > 0) return byTitle.Count == 1 ? byTitle[0] : null;
        var stem = TitleStem(title);
        var byStem = QuerySummaries(tx, "").Where(r => TitleStem(r.Title) == stem).ToList();
        return byStem.Count == 1 ? byStem[0] : null;
    }

    /// <summary>The title without the words a revision drops or adds: 试行, 暂行, （修订）, （2024年修正）.</summary>
    public static string TitleStem(string title) => TitleNoise().Replace(title, "");

    [System.Text.RegularExpressions.GeneratedRegex(@"[（(](?:\d{4}年)?(?:修订|修正|试行|暂行)[)）]|试行|暂行")]
    private static partial System.Text.RegularExpressions.Regex TitleNoise();

    private void WriteScope(DbTransaction tx, long id, RegulationScope scope)
    {
        _db.Execute("DELETE FROM regulation_scope WHERE regulation_id = @id", tx, ("@id", id));
        foreach (var (type, byReference) in scope.Types.Select(t => (t, false)).Concat(scope.ReferenceTypes.Select(t => (t, true))))
            _db.Execute("INSERT INTO regulation_scope (regulation_id, type, declared, by_reference) VALUES (@id, @t, @d, @b) ON CONFLICT DO NOTHING", tx,
                ("@id", id), ("@t", type), ("@d", scope.Declared ? 1 : 0), ("@b", byReference ? 1 : 0));
    }

    private List<StoredRegulation> QuerySummaries(DbTransaction? tx, string where, params (string Name, object? Value)[] parameters) =>
        _db.Query($"SELECT {SummaryColumns} FROM regulations {where}", tx, r => new StoredRegulation(
            Read.Long(r, 0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), Read.Text(r, 6), Read.Text(r, 7),
            Read.Date(r, 8), Read.Date(r, 9), Read.Int(r, 10), Read.Int(r, 11), Read.Instant(r, 12),
            r.GetString(13) == "repealed" ? RegulationStatus.Repealed : RegulationStatus.InForce), parameters);
}
