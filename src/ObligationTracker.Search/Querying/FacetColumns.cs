using System.Collections.Concurrent;
using ObligationTracker.Core.Institutions;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>What the facets count, so that the count shown for a value is what a search filtered by that value finds:
/// each indexed value is counted under every name the filter keeps it for.</summary>
/// <remarks>
/// An issuer counts under its own name and its leading body's (<see cref="IssuerNames.AnswersTo"/>). An institution type
/// counts under its own and each of its descendants' (<see cref="Concerned"/>: an article on 非银行金融机构 concerns a
/// 消费金融公司, as <c>--type 消费金融公司</c> finds it); the types facet lists those the matching articles name, each with
/// the count of the articles concerning it, since listing every descendant of 金融机构 would bury the types the articles
/// are about. Modalities and statuses count as they are.
/// </remarks>
internal static class FacetColumns
{
    public const int Issuer = 0;
    public const int Modality = 1;
    public const int Status = 2;

    /// <summary>Per column, the field whose doc values it reads (the types are counted apart: <see cref="FacetTypeSets"/>).</summary>
    public static readonly string[] Fields = [ArticleFields.Issuer, ArticleFields.Modality, ArticleFields.Status];

    /// <summary>The names an indexed value of <paramref name="column"/> is counted under (itself at least).</summary>
    public static IReadOnlyList<string> Names(int column, string value) => column == Issuer ? IssuerNames.AnswersTo(value) : [value];

    /// <summary>The types an article naming <paramref name="type"/> concerns: it and its descendants.</summary>
    public static IReadOnlyList<string> Concerned(string type) =>
        ConcernedTypes.GetOrAdd(type, t => [t, .. InstitutionTaxonomy.Default.Descendants(t)]);

    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> ConcernedTypes = new(StringComparer.Ordinal);

    /// <summary>The facets as a search reports them (issuer, type, modality, status): each facet's values by count, most
    /// first, then by name.</summary>
    /// <param name="named">Per type the matching articles name, how many name it.</param>
    /// <param name="concerned">Per type, how many matching articles concern it.</param>
    public static Dictionary<string, IReadOnlyDictionary<string, int>> Report(
        IReadOnlyList<IReadOnlyDictionary<string, int>> columns, IReadOnlyDictionary<string, int> named, IReadOnlyDictionary<string, int> concerned) => new()
    {
        [ArticleFields.Issuer] = Ordered(columns[Issuer]),
        [ArticleFields.InstitutionType] = Ordered(named.Keys.ToDictionary(t => t, t => concerned[t])),
        [ArticleFields.Modality] = Ordered(columns[Modality]),
        [ArticleFields.Status] = Ordered(columns[Status]),
    };

    private static Dictionary<string, int> Ordered(IReadOnlyDictionary<string, int> counts) =>
        counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value);
}
