using System.Net;
using System.Text.Json.Serialization;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Cli.Queries;

/// <summary>A search's answer as <c>ot search --json</c> prints it and GET /api/search returns it.</summary>
/// <param name="Groups">The page's hits grouped by regulation, in rank order.</param>
/// <param name="Level">What a hit is: <c>article</c>, or <c>provision</c> where provisions were searched.</param>
/// <param name="Total">Matching hits over the whole result: articles, or provisions (as <paramref name="Level"/> says).</param>
/// <param name="TotalArticles">The same number as <paramref name="Total"/>, under the name it had before (scripts read it);
/// it counts provisions where provisions were searched.</param>
/// <param name="Facets">Matching hits per issuer, institution type, modality and status, over the whole result; each
/// count is what the search filtered by its value finds (see <see cref="SearchResult.Facets"/>).</param>
/// <param name="UnknownNumbers">Document numbers in the query that no regulation in the index has (the other words were searched).</param>
/// <param name="UnknownTitles">Names in 《》 that no indexed regulation's title holds (the other words were searched).</param>
internal sealed record SearchView(
    string Query,
    string Level,
    int Total,
    int TotalArticles,
    int TotalRegulations,
    int Page,
    int Size,
    IReadOnlyList<SearchHitView> Hits,
    IReadOnlyList<SearchGroupView> Groups,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets,
    IReadOnlyList<string> UnknownNumbers,
    IReadOnlyList<string> UnknownTitles)
{
    private const string MarkStart = "\uE000";
    private const string MarkEnd = "\uE001";

    /// <summary>The request to run for a view: snippets marked with placeholders <see cref="From"/> turns into <c>&lt;em&gt;</c>
    /// once the text around them is HTML-encoded.</summary>
    public static SearchRequest ForHtml(SearchRequest request) => request with { HighlightStart = MarkStart, HighlightEnd = MarkEnd };

    /// <summary>The answer to <paramref name="request"/>, made by <see cref="ForHtml"/>: snippets are safe HTML, the text encoded
    /// (&lt;, &amp;) and the query's words in &lt;em&gt;, for the web page, GET /api/search and <c>ot search --json</c> alike.</summary>
    /// <param name="regulationIdOf">The store id of a regulation by its file name, where the caller has the store.</param>
    public static SearchView From(SearchRequest request, SearchResult result, Func<string, long?> regulationIdOf)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        // Other markers would be encoded with the text, and the snippets show "&lt;em&gt;" instead of marking anything.
        if (request.HighlightStart != MarkStart || request.HighlightEnd != MarkEnd)
            throw new ArgumentException("The request was not made by SearchView.ForHtml: its snippets' markers would be encoded as text.", nameof(request));
        var hits = result.Hits.Select(h => new SearchHitView(
            h.File, regulationIdOf(h.File), h.Title, h.Article, h.Heading, h.InAttachment, h.Attachment > 0 ? h.Attachment : null, h.Chapter, h.DocumentNumber, h.Issuers, h.Issued, h.Status,
            Math.Round(h.Score, 4), h.RegulationRank, Html(h.Snippet), h.Provision)).ToList();
        var groups = hits.GroupBy(h => h.RegulationRank).Select(g =>
        {
            var first = g.First();
            return new SearchGroupView(first.RegulationRank, first.File, first.RegulationId, first.Title, first.DocumentNumber, first.Status, [.. g.Select(h => h.Article)]);
        }).ToList();
        return new SearchView(request.Query, request.Provisions ? "provision" : "article", result.TotalArticles, result.TotalArticles, result.TotalRegulations, request.Page + 1, request.PageSize, hits, groups, result.Facets, result.UnknownNumbers, result.UnknownTitles);
    }

    private static string Html(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(MarkStart, "<em>", StringComparison.Ordinal).Replace(MarkEnd, "</em>", StringComparison.Ordinal);
}

/// <summary>One article (or provision) found.</summary>
/// <param name="File">The regulation's file name (its id in the index).</param>
/// <param name="Provision">The provision found (key, modality, addressees, deadline kind) where provisions were searched; left out for articles.</param>
/// <param name="RegulationId">Its id in the store (GET /api/regulations/{id}); null where the store was not consulted.</param>
/// <param name="Snippet">The best passage with the query's words marked by &lt;em&gt;.</param>
/// <param name="Article">The article's number; in an attachment, its number there (<paramref name="Attachment"/> says which).</param>
/// <param name="Attachment">Which attachment (附件1, 附件2 → 1, 2) an article of one stands in, so that two attachments'
/// 第一条 are told apart; null in the body, and for a regulation ingested before attachments were numbered.</param>
internal sealed record SearchHitView(
    string File,
    long? RegulationId,
    string Title,
    int Article,
    string Heading,
    bool InAttachment,
    int? Attachment,
    string? Chapter,
    string? DocumentNumber,
    IReadOnlyList<string> Issuers,
    string? Issued,
    string Status,
    double Score,
    int RegulationRank,
    string Snippet,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ProvisionHit? Provision = null);

/// <summary>One regulation of a result page and its articles there, best first.</summary>
internal sealed record SearchGroupView(int Rank, string File, long? RegulationId, string Title, string? DocumentNumber, string Status, IReadOnlyList<int> Articles);
