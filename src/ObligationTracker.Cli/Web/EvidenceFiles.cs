using System.Globalization;
using System.Security.Cryptography;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Web;

/// <summary>Evidence as the web app keeps it: a file stored under the data directory with its SHA-256, or an http(s) link.</summary>
/// <remarks>
/// Files go to evidence/{institution}/{obligation}/{first 16 hex of the hash}-{name}, so the same file attached twice is
/// stored once and two files of one name do not overwrite each other. Shared by the evidence page and the API.
/// </remarks>
internal static class EvidenceFiles
{
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

    /// <summary>A link as evidence, or null when <paramref name="url"/> is not an absolute http or https URL.</summary>
    public static EvidenceReference? Link(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttp || link.Scheme == Uri.UriSchemeHttps)
            ? new EvidenceReference(EvidenceReference.UrlKind, link.ToString(), null)
            : null;
}
