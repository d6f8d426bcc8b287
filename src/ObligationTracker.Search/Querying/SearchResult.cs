namespace ObligationTracker.Search.Querying;

/// <summary>What a search found, or why it could not run (<see cref="Error"/>; never an exception for bad input).</summary>
/// <param name="TotalArticles">Articles matching, over the whole result set.</param>
/// <param name="TotalRegulations">Regulations with at least one matching article.</param>
/// <param name="Hits">This page's articles, grouped by regulation (best regulation first, its best article first).</param>
/// <param name="Facets">Matching articles per issuer, institution type, modality and status over the whole result set, each
/// value's count what the search filtered by that value finds: a type counts the articles on its ancestors too (the types
/// listed are those the matching articles name), an issuer its 办公厅's and the joint issues it leads.</param>
public sealed record SearchResult(
    string? Error,
    int TotalArticles,
    int TotalRegulations,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets)
{
    public bool Succeeded => Error is null;

    /// <summary>Document numbers in the query that no regulation in the index has: they matched nothing, and the other
    /// words were searched (a mistyped 文号 must not pass for a search within its regulation).</summary>
    public IReadOnlyList<string> UnknownNumbers { get; init; } = [];

    /// <summary>Regulation names in the query (between 《》) that no indexed regulation's title holds; the other words
    /// were searched.</summary>
    public IReadOnlyList<string> UnknownTitles { get; init; } = [];

    public static SearchResult Failed(string error) =>
        new(error, 0, 0, [], new Dictionary<string, IReadOnlyDictionary<string, int>>());
}
