namespace ObligationTracker.Search.Querying;

/// <summary>A search: the query text and its filters, paging and presentation.</summary>
/// <param name="Query">Free text, "exact phrases", AND / OR / NOT (upper case), +required, -excluded, (groups), document numbers.</param>
public sealed record SearchRequest(string Query)
{
    /// <summary>Issuers to keep, by full or short name (中国人民银行, 人民银行, 央行, PBOC), not by a part of one (银行); an
    /// issuer keeps its general office's notices and the joint issues it leads (中国人民银行办公厅, 中国人民银行等十部门).</summary>
    public IReadOnlyList<string> Issuers { get; init; } = [];

    /// <summary>Institution types to keep (canonical or alias); an article concerning an ancestor type concerns them too.</summary>
    public IReadOnlyList<string> InstitutionTypes { get; init; } = [];

    /// <summary>Modalities to keep: obligation, prohibition, permission, in any case, or 义务, 禁止, 许可.</summary>
    public IReadOnlyList<string> Modalities { get; init; } = [];

    /// <summary>Statuses to keep: in-force, not-yet-effective, amended, repealed, in any case, or in Chinese (现行有效, 尚未施行,
    /// 已修订, 已废止 and the words of <see cref="Indexing.RegulationStatusNames.Parse"/>).</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];

    public int? FromYear { get; init; }

    public int? ToYear { get; init; }

    /// <summary>Hits per page, counted in articles; hits are grouped by regulation, its best article first.</summary>
    public int PageSize { get; init; } = 10;

    /// <summary>0-based page.</summary>
    public int Page { get; init; }

    /// <summary>At most this many articles of one regulation in the hit list (further articles also give way where
    /// the next regulation's best article scores close: see QueryWeights.NextRegulationFloor).</summary>
    public int ArticlesPerRegulation { get; init; } = 10;

    /// <summary>Search the provisions (one document per obligation, with its own modality, addressees and deadline)
    /// instead of the articles; filters then apply to each provision, and hits carry <see cref="SearchHit.Provision"/>.</summary>
    public bool Provisions { get; init; }

    public bool Highlight { get; init; } = true;

    public bool CountFacets { get; init; } = true;

    public string HighlightStart { get; init; } = "<em>";

    public string HighlightEnd { get; init; } = "</em>";
}
