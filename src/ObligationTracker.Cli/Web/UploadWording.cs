using System.Globalization;

namespace ObligationTracker.Cli.Web;

/// <summary>How the API and the pages word an uploaded file's size (regulations and evidence): one place, so they say the same.</summary>
internal static class UploadWording
{
    /// <summary>The upload limit as people read it: megabytes with at most one decimal, a point whatever the server's culture ("20 MB", "1.5 MB").</summary>
    public static string Limit(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024.0):0.#} MB");
}
