using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ObligationTracker.Cli.Queries;
using ObligationTracker.Cli.Web.Pages.Regulations;
using ObligationTracker.Core.Institutions;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Cli.Web.Pages;

/// <summary>GET /search: the query box and filters, results grouped by regulation with highlighted snippets, facet counts, paging.</summary>
/// <remarks>
/// Filters come as repeated query parameters named as in GET /api/search (issuer, type, modality, status, yearFrom,
/// yearTo, page, level). A malformed query or filter is shown as a message on the page (status 400), never as an error page.
/// With level=provision each hit is one provision (obligation) and the filters (type, modality) apply to it, not to
/// its article as a whole: an article binding banks and forbidding something to trusts is not a trust's prohibition.
/// </remarks>
internal sealed class SearchModel(ArticleIndex index, IssuerChoices issuers, RegulationIds regulationIds) : PageModel
{
    public const int PageSize = 10;

    public const string ProvisionLevel = "provision";

    private static readonly string[] FilterKeys = ["issuer", "type", "modality", "status"];

    public string Query { get; private set; } = "";

    /// <summary>The filters in force, by facet key (issuer, type, modality, status).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    public string YearFrom { get; private set; } = "";

    public string YearTo { get; private set; } = "";

    public int PageNumber { get; private set; } = 1;

    /// <summary>Whether provisions (one hit per obligation) are searched instead of articles (level=provision).</summary>
    public bool Provisions { get; private set; }

    public SearchView? Result { get; private set; }

    /// <summary>Why the search could not run (a malformed query, a bad year), for the person to fix.</summary>
    public string? Problem { get; private set; }

    /// <summary>Issuers of the stored regulations, for the issuer filter.</summary>
    public IReadOnlyList<string> KnownIssuers { get; private set; } = [];

    public static IReadOnlyList<string> InstitutionTypes => [.. InstitutionTaxonomy.Default.Types.Select(t => t.Name)];

    public int PageCount => Result is null ? 0 : Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public void OnGet()
    {
        var query = Request.Query;
        Query = query["q"].ToString().Trim();
        Filters = FilterKeys.ToDictionary(k => k, k => (IReadOnlyList<string>)[.. query[k].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct()]);
        YearFrom = query["yearFrom"].ToString().Trim();
        YearTo = query["yearTo"].ToString().Trim();
        KnownIssuers = issuers.Get();
        var level = query["level"].ToString().Trim();
        Provisions = level == ProvisionLevel;
        if (Query.Length == 0) return;

        if (level is not ("" or "article" or ProvisionLevel))
        {
            Fail($"检索层级“{level}”无效：应为 article（按条文）或 provision（按义务条款）。");
            return;
        }

        if (!Year(YearFrom, "起始年份", out var from) || !Year(YearTo, "截止年份", out var to)) return;
        if (!int.TryParse(query["page"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1) page = 1;
        PageNumber = page;
        var request = SearchView.ForHtml(new SearchRequest(Query)
        {
            Issuers = Filters["issuer"],
            InstitutionTypes = Filters["type"],
            Modalities = Filters["modality"],
            Statuses = Filters["status"],
            FromYear = from,
            ToYear = to,
            Page = page - 1,
            PageSize = PageSize,
            Provisions = Provisions,
        });
        var found = index.Search(request);
        if (!found.Succeeded)
        {
            Fail("查询语句有误：" + found.Error);
            return;
        }

        var ids = regulationIds.For(found.Hits.Select(h => h.File));
        Result = SearchView.From(request, found, f => ids.TryGetValue(f, out var id) ? id : null);
    }

    public bool IsFiltered(string key, string value) => Filters.TryGetValue(key, out var values) && values.Contains(value, StringComparer.Ordinal);

    /// <summary>This search's address with <paramref name="key"/>=<paramref name="value"/> added or, when present, removed; back to page 1.</summary>
    public string Toggle(string key, string value)
    {
        var pairs = Pairs(except: key);
        var current = Filters.TryGetValue(key, out var v) ? v : [];
        pairs.AddRange(current.Where(x => x != value).Select(x => new KeyValuePair<string, string?>(key, x)));
        if (!current.Contains(value, StringComparer.Ordinal)) pairs.Add(new(key, value));
        return "/search" + QueryString.Create(pairs);
    }

    /// <summary>This search's address on page <paramref name="page"/>.</summary>
    public string PageLink(int page)
    {
        var pairs = Pairs(except: null);
        if (page > 1) pairs.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        return "/search" + QueryString.Create(pairs);
    }

    /// <summary>Where a hit opens: the regulation page at the article's anchor.</summary>
    public static string ArticleLink(SearchHitView hit) =>
        hit.RegulationId is { } id ? $"/regulations/{id}#{RegulationModel.Anchor(hit.Article, hit.InAttachment)}" : "#";

    private List<KeyValuePair<string, string?>> Pairs(string? except)
    {
        var pairs = new List<KeyValuePair<string, string?>> { new("q", Query) };
        foreach (var (key, values) in Filters)
            if (key != except) pairs.AddRange(values.Select(v => new KeyValuePair<string, string?>(key, v)));
        if (YearFrom.Length > 0) pairs.Add(new("yearFrom", YearFrom));
        if (YearTo.Length > 0) pairs.Add(new("yearTo", YearTo));
        if (Provisions) pairs.Add(new("level", ProvisionLevel));
        return pairs;
    }

    private bool Year(string text, string what, out int? year)
    {
        year = null;
        if (text.Length == 0) return true;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1949 and <= 2100)
        {
            year = y;
            return true;
        }

        Fail($"{what}“{text}”不是有效年份（如 2024）。");
        return false;
    }

    private void Fail(string message)
    {
        Problem = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
