namespace ObligationTracker.Storage;

/// <summary>A regulation as the store knows it: identity, provenance and version, without its articles.</summary>
/// <param name="Id">Store id, stable across versions of the same regulation.</param>
/// <param name="Key">What identifies the regulation across revisions: its document number, else its title.</param>
/// <param name="Version">1 for the first ingest, +1 for each changed re-ingest.</param>
/// <param name="Status">In force unless marked repealed; one not yet effective binds from its effective date.</param>
public sealed record StoredRegulation(
    long Id,
    string Key,
    string File,
    string SourcePath,
    string ContentHash,
    string Title,
    string? Issuer,
    string? DocumentNumber,
    DateOnly? Issued,
    DateOnly? Effective,
    int ArticleCount,
    int Version,
    DateTimeOffset IngestedAt,
    RegulationStatus Status = RegulationStatus.InForce);

/// <summary>Whether a regulation still binds anyone.</summary>
public enum RegulationStatus
{
    InForce,

    /// <summary>废止: binds nobody; its obligations' tracking is kept as it was.</summary>
    Repealed,
}
