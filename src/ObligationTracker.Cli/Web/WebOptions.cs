using ObligationTracker.Storage.Database;

namespace ObligationTracker.Cli.Web;

/// <summary>What the web app is built from: where the data is, where to listen, and whether to run the scheduler.</summary>
/// <param name="DataDirectory">Holds the index (index/), uploads (uploads/), the data-protection keys (keys/) and, by default, the SQLite store.</param>
/// <param name="Store">The register's store (SQLite or PostgreSQL).</param>
internal sealed record WebOptions(string DataDirectory, StoreSettings Store)
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Addresses to listen on (<c>--urls</c>); null: ASPNETCORE_URLS where set, else <see cref="DefaultUrl"/>. Port 0 picks a free port.</summary>
    public IReadOnlyList<string>? Urls { get; init; }

    /// <summary>Host the reminder scheduler (Quartz) too, as <c>ot serve</c> does; tests of the API leave it off.</summary>
    public bool RunScheduler { get; init; } = true;

    /// <summary>This node's id in a cluster (the scheduler's instance id); null: $OT_NODE or the settings file, else host name and process id.</summary>
    public string? Node { get; init; }

    /// <summary>Largest regulation upload accepted; a larger request gets 413.</summary>
    public long MaxUploadBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>ASP.NET Core environment; Production unless a test or a developer asks for another.</summary>
    public string EnvironmentName { get; init; } = "Production";

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// How often the index catches up with the store (regulations ingested, revised, repealed through other nodes); null: never
    /// (tests of the API). <c>ot serve</c> runs it every <see cref="DefaultIndexSyncInterval"/> unless told otherwise.
    /// </summary>
    public TimeSpan? IndexSyncInterval { get; init; }

    public static readonly TimeSpan DefaultIndexSyncInterval = TimeSpan.FromSeconds(2);

    public string IndexPath => Path.Combine(DataDirectory, "index");

    public string UploadsPath => Path.Combine(DataDirectory, "uploads");
}
