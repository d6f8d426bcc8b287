using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ObligationTracker.Core.Serialization;
using ObligationTracker.Core.Structure;
using ObligationTracker.Storage.Migrations;

namespace ObligationTracker.Storage;

/// <summary>The embedded store of parsed regulations: one SQLite file in the data directory.</summary>
/// <remarks>
/// Every save is one transaction, and SQLite runs in WAL mode with full synchronisation, so a process killed
/// mid-write leaves the last committed state intact: nothing stored before is lost.
/// </remarks>
public sealed class RegulationStore : IDisposable
{
    public const string FileName = "ot.db";

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    private RegulationStore(SqliteConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    public static RegulationStore Open(string dataDirectory, TimeProvider clock)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";
            pragma.ExecuteNonQuery();
        }

        SchemaMigrator.Apply(connection, SchemaMigrations.All);
        return new RegulationStore(connection, clock);
    }

    /// <summary>The regulation whose current version was read from exactly these bytes, if any.</summary>
    public StoredRegulation? FindByContentHash(string contentHash) =>
        QuerySummaries("WHERE content_hash = $h", ("$h", contentHash)).FirstOrDefault();

    public StoredRegulation? FindByKey(string key) =>
        QuerySummaries("WHERE reg_key = $k", ("$k", key)).FirstOrDefault();

    public IReadOnlyList<StoredRegulation> List() => QuerySummaries("ORDER BY id");

    public Regulation? Load(long id)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT regulation_json FROM regulations WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<Regulation>(json, OtJson.Compact) : null;
    }

    /// <summary>Stores a parsed regulation read from <paramref name="sourcePath"/>, as new or as the next version of the same regulation.</summary>
    public (StoredRegulation Stored, SaveOutcome Outcome) Save(Regulation regulation, string contentHash, string sourcePath)
    {
        var key = KeyOf(regulation);
        using var tx = _connection.BeginTransaction();
        var existing = FindByKey(key);
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = existing is null
            ? """
              INSERT INTO regulations (reg_key, file, source_path, content_hash, title, issuer, document_number, issued, effective,
                                       article_count, version, ingested_at, regulation_json)
              VALUES ($key, $file, $path, $hash, $title, $issuer, $doc, $issued, $effective, $count, 1, $at, $json)
              """
            : """
              UPDATE regulations SET file = $file, source_path = $path, content_hash = $hash, title = $title, issuer = $issuer,
                     document_number = $doc, issued = $issued, effective = $effective, article_count = $count,
                     version = version + 1, ingested_at = $at, regulation_json = $json
              WHERE reg_key = $key
              """;
        cmd.Parameters.AddWithValue("$key", key);
        cmd.Parameters.AddWithValue("$file", regulation.File);
        cmd.Parameters.AddWithValue("$path", sourcePath);
        cmd.Parameters.AddWithValue("$hash", contentHash);
        cmd.Parameters.AddWithValue("$title", regulation.Title);
        cmd.Parameters.AddWithValue("$issuer", (object?)regulation.Issuer ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$doc", (object?)regulation.DocumentNumber ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$issued", (object?)regulation.Issued?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$effective", (object?)regulation.Effective?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$count", regulation.Articles.Count);
        cmd.Parameters.AddWithValue("$at", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$json", JsonSerializer.Serialize(regulation, OtJson.Compact));
        cmd.ExecuteNonQuery();
        tx.Commit();
        return (FindByKey(key)!, existing is null ? SaveOutcome.Added : SaveOutcome.Replaced);
    }

    /// <summary>A regulation is the same across revisions when its document number, else its title, is.</summary>
    public static string KeyOf(Regulation regulation) =>
        regulation.DocumentNumber is { Length: > 0 } number ? "doc:" + number
        : regulation.Title is { Length: > 0 } title ? "title:" + title
        : "file:" + regulation.File;

    public void Dispose() => _connection.Dispose();

    private List<StoredRegulation> QuerySummaries(string where, params (string Name, object Value)[] parameters)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT id, reg_key, file, source_path, content_hash, title, issuer, document_number, issued, effective,
                   article_count, version, ingested_at
            FROM regulations {where}
            """;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        using var reader = cmd.ExecuteReader();
        var list = new List<StoredRegulation>();
        while (reader.Read())
        {
            list.Add(new StoredRegulation(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                ParseDate(reader, 8), ParseDate(reader, 9), reader.GetInt32(10), reader.GetInt32(11),
                DateTimeOffset.Parse(reader.GetString(12), CultureInfo.InvariantCulture)));
        }

        return list;
    }

    private static DateOnly? ParseDate(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateOnly.ParseExact(reader.GetString(ordinal), "O", CultureInfo.InvariantCulture);
}
