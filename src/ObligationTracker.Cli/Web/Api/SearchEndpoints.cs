using ObligationTracker.Cli.Queries;
using ObligationTracker.Cli.Web.Security;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Cli.Web.Api;

/// <summary>GET /api/search: the article index, with filters, facet counts and highlighted snippets (as <c>ot search --json</c>).</summary>
internal static class SearchEndpoints
{
    private const int MaxSize = 100;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/search", Search).WithTags("Search").RequireAuthorization(AccessPolicies.Reader).CacheOutput(SearchAnswerCache.PolicyName)
            .WithSummary("Search the regulations' articles (or, with level=provision, their provisions): words, \"phrases\", AND/OR/NOT, document numbers; filter by institution type, issuer, modality, status, years.")
            .Produces<SearchView>().ProducesProblem(StatusCodes.Status400BadRequest);

    /// <param name="page">1-based page (default 1).</param>
    /// <param name="size">Articles per page, 1–100 (default 10).</param>
    /// <param name="level">article (default) or provision: one hit per provision, with its modality, addressees and deadline kind.</param>
    private static IResult Search(
        ArticleIndex index, RegulationIds regulationIds, string? q, string[]? type, string[]? issuer, string[]? modality, string[]? status,
        string? yearFrom, string? yearTo, string? page, string? size, string? level)
    {
        if (string.IsNullOrWhiteSpace(q)) return ApiProblems.BadRequest("q is required: the words to search for.");
        if (level is not (null or "article" or "provision")) return ApiProblems.BadRequest($"level is article or provision, not '{level}'.");
        if (!ApiProblems.TryInt(yearFrom, "yearFrom", out var from, out var problem)
            || !ApiProblems.TryInt(yearTo, "yearTo", out var to, out problem)
            || !ApiProblems.TryInt(page, "page", out var pageNumber, out problem)
            || !ApiProblems.TryInt(size, "size", out var pageSize, out problem))
            return problem!;
        if (pageNumber is < 1) return ApiProblems.BadRequest("page starts at 1.");
        if (pageSize is < 1 or > MaxSize) return ApiProblems.BadRequest($"size must be between 1 and {MaxSize}.");

        var request = SearchView.ForHtml(new SearchRequest(q.Trim())
        {
            InstitutionTypes = Values(type),
            Issuers = Values(issuer),
            Modalities = Values(modality),
            Statuses = Values(status),
            FromYear = from,
            ToYear = to,
            Page = (pageNumber ?? 1) - 1,
            PageSize = pageSize ?? 10,
            Provisions = level == "provision",
        });
        var found = index.Search(request);
        if (!found.Succeeded) return ApiProblems.BadRequest(found.Error!);
        var ids = regulationIds.For(found.Hits.Select(h => h.File));
        return Results.Ok(SearchView.From(request, found, f => ids.TryGetValue(f, out var id) ? id : null));
    }

    private static string[] Values(string[]? values) => values is null ? [] : [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())];
}
