using ObligationTracker.Core.Ingest;

namespace ObligationTracker;

/// <summary>One row of the shared corpus's MANIFEST.tsv, with the annotations (（未核实）, 首次公布：, (最新修订/修正日期)) taken off.</summary>
internal sealed record ManifestRow(string File, string Title, IReadOnlyList<string> Issuers, string? DocumentNumber, DateOnly? Date, bool Unverified)
{
    /// <summary>Compares titles and numbers as the normaliser leaves them: no spaces, full-width brackets.</summary>
    public static string Canonical(string? s) =>
        s is null ? "" : s.Replace(" ", "", StringComparison.Ordinal).Replace('(', '（').Replace(')', '）').Replace('[', '〔').Replace(']', '〕');
}

/// <summary>Reads MANIFEST.tsv through the manifest reader ingest uses (<see cref="SourceManifest"/>).</summary>
internal static class RegulationManifest
{
    public static IReadOnlyList<ManifestRow> Read(string path) =>
        [.. SourceManifest.Read(path).Entries.Select(e => new ManifestRow(
            e.File, e.Title ?? "", e.Issuers, e.DocumentNumber, e.Date, e.Notes.Any(n => n.Contains("未核实", StringComparison.Ordinal))))];
}
