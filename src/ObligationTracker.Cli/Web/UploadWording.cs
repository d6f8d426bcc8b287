using System.Globalization;

namespace ObligationTracker.Cli.Web;

/// <summary>How the API and the pages word an uploaded file's size (regulations and evidence): one place, so they say the same.</summary>
internal static class UploadWording
{
    /// <summary>The API's detail for a file of no bytes (POST /api/regulations, evidence).</summary>
    public const string EmptyFile = "The file is empty.";

    /// <summary>The pages' message for a file of no bytes: the same refusal, in the pages' language.</summary>
    public const string EmptyFileZh = "所选文件是空的（0 字节），请选择有内容的文件。";

    /// <summary>The upload limit as people read it: megabytes with at most one decimal, a point whatever the server's culture ("20 MB", "1.5 MB").</summary>
    public static string Limit(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024.0):0.#} MB");
}
