using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Web;

/// <summary>Evidence as the web app keeps it: a file stored under the data directory with its SHA-256, or an http(s) link.</summary>
/// <remarks>
/// Files go to evidence/{institution}/{obligation}/{first 16 hex of the hash}-{name}, so the same file attached twice is
/// stored once and two files of one name do not overwrite each other. Shared by the evidence page and the API.
/// </remarks>
internal static class EvidenceFiles
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static EvidenceReference Keep(string dataDirectory, long institutionId, long obligationId, string? fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var folder = Path.Combine(dataDirectory, "evidence", institutionId.ToString(CultureInfo.InvariantCulture), obligationId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var safe = name.Length == 0 ? "evidence" : string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        var path = Path.Combine(folder, sha[..16] + "-" + safe);
        if (!File.Exists(path)) File.WriteAllBytes(path, bytes);
        return new EvidenceReference(EvidenceReference.FileKind, path, sha);
    }

    /// <summary>
    /// The stored file of <paramref name="evidence"/> with its content type (by extension) and the name it was attached
    /// under, or null when it is not a file kept under this data directory's evidence folder.
    /// </summary>
    /// <remarks><c>ot track set --evidence</c> records any path it is given; the web app serves only what it kept itself.</remarks>
    public static (string Path, string ContentType, string DownloadName)? Open(string dataDirectory, EvidenceReference evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Kind != EvidenceReference.FileKind) return null;
        var folder = Path.GetFullPath(Path.Combine(dataDirectory, "evidence")) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(evidence.Reference);
        if (!path.StartsWith(folder, StringComparison.Ordinal) || !File.Exists(path)) return null;
        var name = Path.GetFileName(path);
        // Kept as {16 hex}-{name}: the download carries the name as attached.
        if (name.Length > 17 && name[16] == '-' && name[..16].All(char.IsAsciiHexDigitLower)) name = name[17..];
        if (!ContentTypes.TryGetContentType(name, out var type)) type = "application/octet-stream";
        return (path, type, name);
    }

    /// <summary>A link as evidence, or null when <paramref name="url"/> is not an absolute http or https URL.</summary>
    public static EvidenceReference? Link(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttp || link.Scheme == Uri.UriSchemeHttps)
            ? new EvidenceReference(EvidenceReference.UrlKind, link.ToString(), null)
            : null;
}
