using System.CommandLine;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Cli;

/// <summary>Options every command takes.</summary>
internal static class CliOptions
{
    public const string DataEnvironmentVariable = "OT_DATA";

    public static readonly Option<DirectoryInfo?> Data = new("--data")
    {
        Description = $"Data directory (index, store). Default: ${DataEnvironmentVariable}, else ~/.local/share/ObligationTracker.",
        Recursive = true,
    };

    public static readonly Option<string?> Store = new("--store")
    {
        Description = $"Store: a PostgreSQL connection string (Host=…;Database=…, postgresql://…) or sqlite:PATH. Default: ${StoreSettings.EnvironmentVariable}, "
            + $"else \"store\" in {StoreSettings.SettingsFileName} in the data directory, else SQLite {RegulationStore.FileName} there.",
        Recursive = true,
    };

    /// <summary>--store, then $OT_STORE, then the data directory's settings.json, then SQLite in the data directory.</summary>
    /// <exception cref="FormatException">The store setting cannot be understood; the message says where it came from.</exception>
    public static StoreSettings ResolveStore(ParseResult result) => StoreSettings.Resolve(ResolveDataDirectory(result), result.GetValue(Store));

    public static Option<bool> Json() => new("--json") { Description = "Print JSON for scripts instead of text." };

    /// <summary>--data, then $OT_DATA, then the per-user application-data folder.</summary>
    public static string ResolveDataDirectory(ParseResult result)
    {
        var fromOption = result.GetValue(Data);
        if (fromOption is not null) return fromOption.FullName;
        var fromEnv = Environment.GetEnvironmentVariable(DataEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv)) return Path.GetFullPath(fromEnv);
        return Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "ObligationTracker");
    }
}
