namespace ObligationTracker.Search.Querying;

/// <summary>One article (or provision) found: where it stands and why.</summary>
/// <param name="File">The regulation's source file name (its id).</param>
/// <param name="Snippet">The best passages with the query's words marked, or the article's beginning.</param>
/// <param name="RegulationRank">1-based rank of the article's regulation among the regulations found.</param>
/// <param name="Attachment">Which attachment an attachment's article stands in (1, 2, …); 0 in the body, or where the regulation
/// was parsed before attachments were numbered.</param>
public sealed record SearchHit(
    string File,
    string Title,
    string? DocumentNumber,
    IReadOnlyList<string> Issuers,
    string? Issued,
    string Status,
    int Article,
    string Heading,
    bool InAttachment,
    int Attachment,
    string? Chapter,
    float Score,
    string Snippet,
    int RegulationRank)
{
    /// <summary>The provision found, where the search was over provisions; null for an article hit.</summary>
    public ProvisionHit? Provision { get; init; }
}
