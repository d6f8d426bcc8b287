namespace ObligationTracker.Search.Indexing;

/// <summary>What an article is tagged with for filters and facets: the institution types it concerns and the
/// modalities of its obligations, and its provisions, each indexed as a document of its own. Obligation mining
/// supplies these; without it types come from names in the text and no provision is indexed.</summary>
public sealed record ArticleTags(IReadOnlyList<string> InstitutionTypes, IReadOnlyList<string> Modalities)
{
    public static ArticleTags None { get; } = new([], []);

    /// <summary>The article's normative provisions, in text order.</summary>
    public IReadOnlyList<IndexedProvision> Provisions { get; init; } = [];
}
