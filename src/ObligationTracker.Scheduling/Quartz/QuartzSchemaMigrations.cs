using ObligationTracker.Storage.Migrations;

namespace ObligationTracker.Scheduling.Quartz;

/// <summary>The Quartz.NET job store's tables as schema steps of the store (versions 200–299).</summary>
/// <remarks>
/// The DDL is the create script Quartz.NET embeds for its own SchemaProvisioning (create_sqlite.sql,
/// create_postgres.sql), read from the very assembly we run, with the QRTZ_ prefix: the tables match the
/// version of Quartz in use by construction. Running it as our migration puts the scheduler's tables under the
/// same schema_version as the rest and leaves Quartz itself only validating (its default), so the scheduler's
/// database account needs no DDL rights at run time. An upgrade of Quartz that changes its schema gets a new step
/// here running Quartz's migration script for that version.
/// </remarks>
public static class QuartzSchemaMigrations
{
    public const string TablePrefix = "QRTZ_";

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(200, "Quartz.NET 4.7 job store tables", "", SqliteOnly: Statements("sqlite"), PostgresOnly: Statements("postgres")),
    ];

    private static IReadOnlyList<string> Statements(string dialect)
    {
        var name = $"Quartz.Impl.AdoJobStore.Schema.create_{dialect}.sql";
        using var stream = typeof(global::Quartz.IScheduler).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Quartz.NET no longer embeds {name}: write this step's DDL out.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
        // The script separates statements with a line reading exactly '--;;'.
        return System.Text.RegularExpressions.Regex.Split(script, @"^--;;\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(s => string.Join('\n', s.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0)
            .ToList();
    }
}
