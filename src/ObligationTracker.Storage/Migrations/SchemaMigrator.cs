using System.Data.Common;
using System.Globalization;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Storage.Migrations;

/// <summary>Brings a database to the newest schema at start-up; each step and its version row commit together.</summary>
internal static class SchemaMigrator
{
    /// <summary>The hundreds this program has steps in: 0 the register, 1 reminders, 2 the scheduler's job store, 3 the web app's users.</summary>
    private static readonly int[] KnownRanges = [0, 1, 2, 3];

    public static int Apply(DbConnection connection, SqlDialect dialect, IReadOnlyList<Migration> migrations, TimeProvider clock)
    {
        dialect.LockForMigration(connection, take: true);
        try
        {
            Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            // Steps are numbered in ranges of a hundred per part of the product (1–99 the register, 100–199 reminders,
            // 200–299 the scheduler's tables), so branches can add steps independently: a step applies when its own
            // version is missing, not when it is above the highest one applied.
            var applied = AppliedVersions(connection);
            if (applied.FirstOrDefault(v => !KnownRanges.Contains(v / 100)) is var unknown and > 0)
                throw new InvalidOperationException($"The database has schema version {unknown}, from a newer program than this one: upgrade the program.");
            foreach (var range in migrations.GroupBy(m => m.Version / 100))
            {
                var newest = applied.Where(v => v / 100 == range.Key).DefaultIfEmpty(0).Max();
                var latest = range.Max(m => m.Version);
                if (newest > latest)
                    throw new InvalidOperationException($"The database is at schema version {newest}, newer than this program knows ({latest}): upgrade the program.");
            }

            var current = applied.DefaultIfEmpty(0).Max();
            foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
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
                current = Math.Max(current, migration.Version);
            }

            return current;
        }
        finally
        {
            dialect.LockForMigration(connection, take: false);
        }
    }

    private static HashSet<int> AppliedVersions(DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT version FROM schema_version";
        using var reader = cmd.ExecuteReader();
        var versions = new HashSet<int>();
        while (reader.Read()) versions.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        return versions;
    }

    private static void Execute(DbConnection connection, DbTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
