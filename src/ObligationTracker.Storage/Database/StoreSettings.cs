using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ObligationTracker.Storage.Database;

/// <summary>Where the store lives: a SQLite file or a PostgreSQL connection string.</summary>
/// <remarks>
/// Chosen, first match wins, by the <c>--store</c> option, the <c>OT_STORE</c> variable, the <c>store</c> property of
/// <c>settings.json</c> in the data directory, else the SQLite file <c>ot.db</c> there. A value is a PostgreSQL
/// connection string (<c>Host=…;Database=…</c> or <c>postgresql://user@host:port/db</c>), or <c>sqlite:PATH</c>.
/// </remarks>
public sealed record StoreSettings(StoreBackend Backend, string ConnectionString)
{
    public const string EnvironmentVariable = "OT_STORE";
    public const string SettingsFileName = "settings.json";

    public static StoreSettings Sqlite(string dataDirectory) => SqliteFile(Path.Combine(dataDirectory, RegulationStore.FileName));

    public static StoreSettings SqliteFile(string path) =>
        new(StoreBackend.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = false }.ToString());

    /// <summary>The option's value, else the environment, else the settings file, else SQLite in the data directory.</summary>
    /// <exception cref="FormatException">The value or the settings file cannot be understood; the message says which.</exception>
    public static StoreSettings Resolve(string dataDirectory, string? option)
    {
        if (!string.IsNullOrWhiteSpace(option)) return Parse(option, "--store");
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return Parse(env, EnvironmentVariable);
        var file = Path.Combine(dataDirectory, SettingsFileName);
        if (File.Exists(file))
        {
            string? value;
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(file));
                value = doc.RootElement.TryGetProperty("store", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{file} is not valid JSON: {ex.Message}", ex);
            }

            if (!string.IsNullOrWhiteSpace(value)) return Parse(value, file);
        }

        return Sqlite(dataDirectory);
    }

    /// <summary>Reads one store value; <paramref name="source"/> names where it came from, for the error message.</summary>
    public static StoreSettings Parse(string value, string source)
    {
        var v = value.Trim();
        if (v.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase)) return SqliteFile(v["sqlite:".Length..]);
        if (v.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || v.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return FromUri(v, source);
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(v);
            if (string.IsNullOrEmpty(builder.Host)) throw new FormatException($"The store in {source} has no Host: '{v}'. Give Host=…;Database=…, postgresql://…, or sqlite:PATH.");
            return new StoreSettings(StoreBackend.Postgres, builder.ToString());
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"The store in {source} is neither a PostgreSQL connection string nor sqlite:PATH: {ex.Message}", ex);
        }
    }

    /// <summary>True for a SQLite file that does not exist: opening it would create an empty store.</summary>
    public bool IsMissingSqliteFile() =>
        Backend == StoreBackend.Sqlite && !File.Exists(new SqliteConnectionStringBuilder(ConnectionString).DataSource);

    /// <summary>For messages: the backend and where, without a password.</summary>
    public string Describe() => Backend == StoreBackend.Sqlite
        ? "SQLite " + new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : DescribePostgres(new NpgsqlConnectionStringBuilder(ConnectionString));

    private static string DescribePostgres(NpgsqlConnectionStringBuilder b) => $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";

    private static StoreSettings FromUri(string value, string source)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new FormatException($"The store in {source} is not a valid postgresql:// address: '{value}'.");
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port };
        var db = uri.AbsolutePath.Trim('/');
        if (db.Length > 0) builder.Database = Uri.UnescapeDataString(db);
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }

        return new StoreSettings(StoreBackend.Postgres, builder.ToString());
    }
}
