using System.Data.Common;
using System.Globalization;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Storage.Migrations;

/// <summary>Brings a database to the newest schema at start-up; each step and its version row commit together.</summary>
internal static class SchemaMigrator
{
    public static int Apply(DbConnection connection, SqlDialect dialect, IReadOnlyList<Migration> migrations, TimeProvider clock)
    {
        dialect.LockForMigration(connection, take: true);
        try
        {
            Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            var current = CurrentVersion(connection);
            var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
            if (current > latest)
                throw new InvalidOperationException($"The database is at schema version {current}, newer than this program knows ({latest}): upgrade the program.");
            foreach (var migration in migrations.Where(m => m.Version > current))
            {
                using var tx = connection.BeginTransaction();
                foreach (var statement in dialect.Translate(migration.Sql).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    Execute(connection, tx, statement);
                var extra = dialect.Backend == StoreBackend.Sqlite ? migration.SqliteOnly : migration.PostgresOnly;
                foreach (var statement in extra ?? []) Execute(connection, tx, statement);
                using var insert = connection.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @at)";
                StoreConnection.Add(insert, "@v", migration.Version);
                StoreConnection.Add(insert, "@n", migration.Name);
                StoreConnection.Add(insert, "@at", Read.Iso(clock.GetUtcNow()));
                insert.ExecuteNonQuery();
                tx.Commit();
                current = migration.Version;
            }

            return current;
        }
        finally
        {
            dialect.LockForMigration(connection, take: false);
        }
    }

    private static int CurrentVersion(DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(DbConnection connection, DbTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
