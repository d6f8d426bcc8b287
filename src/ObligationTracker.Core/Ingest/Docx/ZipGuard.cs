using System.IO.Compression;

namespace ObligationTracker.Core.Ingest.Docx;

/// <summary>Checks a zip's central directory before anything is inflated: a zip bomb declares a huge uncompressed size
/// or an absurd compression ratio.</summary>
internal static class ZipGuard
{
    /// <summary>All entries together: a real .docx is a few MB of XML even for a 300-page regulation.</summary>
    public const long MaxTotalUncompressed = 256L * 1024 * 1024;

    /// <summary>Deflated XML reaches 10–30×; 200× only happens with padding made to explode.</summary>
    public const double MaxRatio = 200;

    /// <summary>Entries smaller than this are not judged by ratio (a tiny file of repeated characters is harmless).</summary>
    private const long RatioFloor = 1024 * 1024;

    /// <summary>Null when the archive looks sane, else why not.</summary>
    public static string? Check(ZipArchive zip)
    {
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (total > MaxTotalUncompressed)
                return $"it declares more than {MaxTotalUncompressed / 1048576} MB of uncompressed content";
            if (entry.Length > RatioFloor && entry.Length > MaxRatio * Math.Max(1, entry.CompressedLength))
                return $"its entry {entry.FullName} inflates {entry.Length / Math.Max(1, entry.CompressedLength)}× ({entry.Length / 1048576} MB)";
        }
        return null;
    }
}
