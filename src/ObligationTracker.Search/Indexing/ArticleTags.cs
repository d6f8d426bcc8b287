namespace ObligationTracker.Search.Indexing;

/// <summary>What an article is tagged with for filters and facets: the institution types it concerns and the
/// modalities of its obligations. Obligation mining supplies these; until then types come from names in the text.</summary>
public sealed record ArticleTags(IReadOnlyList<string> InstitutionTypes, IReadOnlyList<string> Modalities)
{
    public static ArticleTags None { get; } = new([], []);
}
