using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Encodings.Web;
using System.Text.Json;
using ObligationTracker.Cli.Queries;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot search QUERY [--type T] [--issuer X] [--modality M] [--top N] [--provisions] [--json]</c>: search the article (or provision) index.</summary>
internal static class SearchCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
    };

    public static Command Create()
    {
        var query = new Argument<string[]>("QUERY")
        {
            Description = "Words, \"exact phrases\" (or “”, 「」), AND / OR / NOT, +required, -excluded, (groups), document numbers however written (金规〔2024〕24号, 金规(2024)24号, 2024年金规24号, 285号令).",
            Arity = ArgumentArity.OneOrMore,
        };
        var type = new Option<string[]>("--type") { Description = "Institution type it concerns (canonical or alias; repeatable).", AllowMultipleArgumentsPerToken = false };
        var issuer = new Option<string[]>("--issuer") { Description = "Issuer, full or short name (中国人民银行, 央行, PBOC; not a part of a name such as 银行) (repeatable)." };
        var modality = new Option<string[]>("--modality") { Description = "Modality of its obligations: obligation, prohibition, permission, in any case, or 义务, 禁止, 许可 (repeatable)." };
        var status = new Option<string[]>("--status") { Description = "in-force, not-yet-effective, amended or repealed, in any case, or 现行有效, 尚未施行, 已修订, 已废止 (repeatable)." };
        var from = new Option<int?>("--from") { Description = "Issued in or after this year." };
        var to = new Option<int?>("--to") { Description = "Issued in or before this year." };
        var top = new Option<int>("--top") { Description = "Number of articles to show.", DefaultValueFactory = _ => 10 };
        var page = new Option<int>("--page") { Description = "1-based page of --top articles.", DefaultValueFactory = _ => 1 };
        var perRegulation = new Option<int>("--per-regulation") { Description = "At most this many articles in a regulation's group; its further articles come after every regulation's group (later pages).", DefaultValueFactory = _ => 10 };
        var provisions = new Option<bool>("--provisions") { Description = "Search provisions (one per obligation, with its modality, addressees and deadline) instead of articles." };
        var json = CliOptions.Json();
        var command = new Command("search", "Search the regulations' articles (or, with --provisions, their provisions).")
        {
            query, type, issuer, modality, status, from, to, top, page, perRegulation, provisions, json,
        };
        command.SetAction(result =>
        {
            var asJson = result.GetValue(json);
            // Text output marks the query's words in colour on a terminal, with <em> elsewhere (JSON takes its own, see Run).
            var markers = Console.IsOutputRedirected ? ("<em>", "</em>") : ("\u001b[1;33m", "\u001b[0m");
            var request = new SearchRequest(string.Join(' ', result.GetValue(query) ?? []))
            {
                InstitutionTypes = result.GetValue(type) ?? [],
                Issuers = result.GetValue(issuer) ?? [],
                Modalities = result.GetValue(modality) ?? [],
                Statuses = result.GetValue(status) ?? [],
                FromYear = result.GetValue(from),
                ToYear = result.GetValue(to),
                PageSize = result.GetValue(top),
                Page = result.GetValue(page) - 1,
                ArticlesPerRegulation = result.GetValue(perRegulation),
                Provisions = result.GetValue(provisions),
                HighlightStart = markers.Item1,
                HighlightEnd = markers.Item2,
            };
            return Run(request, CliOptions.ResolveDataDirectory(result), asJson, Console.Out, Console.Error, asJson ? Store(result) : null, TimeProvider.System);
        });
        return command;
    }

    /// <summary>The store the regulation ids come from, or null (said on stderr) where its setting cannot be understood:
    /// the index answers the search without it.</summary>
    private static StoreSettings? Store(ParseResult result)
    {
        try
        {
            return CliOptions.ResolveStore(result);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"search: regulation ids left out: {e.Message}");
            return null;
        }
    }

    /// <param name="store">Where the hits' regulation ids are read (JSON only); null leaves them out.</param>
    internal static int Run(SearchRequest request, string dataDirectory, bool asJson, TextWriter output, TextWriter errors, StoreSettings? store = null, TimeProvider? clock = null)
    {
        try
        {
            // The request counts pages from 0, the option from 1.
            if (request.Page < 0) return Fail("--page counts from 1.", asJson, 2, output, errors);
            var indexPath = Path.Combine(dataDirectory, "index");
            using var index = ArticleIndex.OpenReadOnly(indexPath);
            if (index is null) return Fail($"No index at {indexPath}: run `ot ingest` first.", asJson, 1, output, errors);
            // JSON snippets are HTML as /api/search gives them (text escaped, <em> the only markup), so &lt; in the
            // text cannot pass for a marker.
            if (asJson) request = SearchView.ForHtml(request);
            var found = index.Search(request);
            if (!found.Succeeded) return Fail(found.Error!, asJson, 2, output, errors);
            if (asJson) WriteJson(request, found, RegulationIds(store, clock ?? TimeProvider.System, errors), output);
            else WriteText(found, request, output);
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Fail(e.Message, asJson, 1, output, errors);
        }
    }

    private static int Fail(string message, bool asJson, int code, TextWriter output, TextWriter errors)
    {
        if (asJson) output.WriteLine(JsonSerializer.Serialize(new { error = message }, JsonOptions));
        else errors.WriteLine($"search: {message}");
        return code;
    }

    private static void WriteJson(SearchRequest request, SearchResult found, IReadOnlyDictionary<string, long> ids, TextWriter output) =>
        output.WriteLine(JsonSerializer.Serialize(SearchView.From(request, found, f => ids.TryGetValue(f, out var id) ? id : null), JsonOptions));

    /// <summary>Each stored regulation's id by file name; none where there is no store (an index alone, or a store that cannot
    /// be reached, said on stderr): the ids add to the answer, which the index gives without them.</summary>
    private static IReadOnlyDictionary<string, long> RegulationIds(StoreSettings? settings, TimeProvider clock, TextWriter errors)
    {
        // A search must not leave an empty ot.db behind in a data directory that holds only an index.
        if (settings is null || settings.IsMissingSqliteFile()) return new Dictionary<string, long>();
        try
        {
            using var store = RegulationStore.Open(settings, clock);
            return store.IdsByFile();
        }
        catch (Exception e) when (e is DbException or TimeoutException or SocketException)
        {
            errors.WriteLine($"search: regulation ids left out, the store ({settings.Describe()}) could not be read: {e.Message}");
            return new Dictionary<string, long>();
        }
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private static void WriteText(SearchResult found, SearchRequest request, TextWriter output)
    {
        foreach (var number in found.UnknownNumbers)
            output.WriteLine($"No regulation in the index has the document number {number}: the other words were searched.");
        foreach (var title in found.UnknownTitles)
            output.WriteLine($"No regulation in the index has 《{title}》 in its title: the other words were searched.");
        var kind = request.Provisions ? "provision" : "article";
        var pages = (found.TotalArticles + request.PageSize - 1) / request.PageSize;
        var summary = $"{Count(found.TotalArticles, kind)} in {Count(found.TotalRegulations, "regulation")}";
        if (found.TotalArticles == 0)
            output.WriteLine($"No {kind}s matched. Fewer words, or fewer filters, may find some.");
        else if (request.Page >= pages)
            output.WriteLine($"{summary}; page {request.Page + 1} is past the last ({pages}).");
        else
            output.WriteLine($"{summary} (page {request.Page + 1} of {pages}).");
        var rank = request.Page * request.PageSize;
        string? current = null;
        foreach (var hit in found.Hits)
        {
            if (hit.File != current)
            {
                current = hit.File;
                output.WriteLine();
                // A regulation without a date in its text shows none (not an empty place between issuer and status).
                var about = string.Join(" ", new[] { string.Join("、", hit.Issuers), hit.Issued, hit.Status }.Where(s => !string.IsNullOrEmpty(s)));
                output.WriteLine($"{hit.Title}  {hit.DocumentNumber}  [{about}]  {hit.File}");
            }

            rank++;
            // An attachment's articles are numbered on their own: its name tells 附件2 第一条 from the body's 第一条.
            var attachment = hit.InAttachment ? "附件" + (hit.Attachment > 0 ? hit.Attachment.ToString(CultureInfo.InvariantCulture) : "") : null;
            var where = string.Join(" · ", new[] { attachment, hit.Chapter, hit.Heading }.Where(s => s is not null));
            var provision = hit.Provision is { } p
                ? $" {p.Key} · {p.Modality} · {string.Join("、", p.Addressees)}{(p.DeadlineKind is null ? "" : " · " + p.DeadlineKind + " deadline")}"
                : "";
            output.WriteLine($"  {rank,3}. {where}{provision} ({hit.Score:0.00})");
            output.WriteLine($"       {hit.Snippet}");
        }

        foreach (var (facet, counts) in found.Facets.Where(f => f.Value.Count > 0))
            output.WriteLine($"\n{facet}: {string.Join("  ", counts.Take(8).Select(c => $"{c.Key} {c.Value}"))}");
    }
}
