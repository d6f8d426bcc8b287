using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Mining;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>A search request's filters as one Lucene clause: issuer, institution type (with its ancestors), modality,
/// status, year range. The kind of document searched is filtered apart (<see cref="KindFilters"/>).</summary>
/// <remarks>The one place a filter's typed values are read, for `ot search`, GET /api/search and the search page alike: a
/// value that names nothing known is refused with the accepted ones, never searched for nothing.</remarks>
internal static class RequestFilters
{
    /// <summary>The request's own filters (none: no clause), or the message saying why one cannot match.</summary>
    public static (BooleanQuery? Filter, string? Error) Build(SearchRequest request, IndexReader reader)
    {
        var all = new BooleanQuery();
        if (request.Issuers.Count > 0)
        {
            var (issuers, error) = Issuers(request.Issuers, IndexedValues(reader, ArticleFields.Issuer));
            if (error is not null) return (null, error);
            all.Add(issuers, Occur.MUST);
        }

        if (request.InstitutionTypes.Count > 0)
        {
            var taxonomy = InstitutionTaxonomy.Default;
            var any = new BooleanQuery();
            foreach (var typed in request.InstitutionTypes)
            {
                var canonical = taxonomy.Canonicalise(typed);
                if (canonical is null) return (null, $"Unknown institution type '{typed}'. Known types: {string.Join("、", taxonomy.Types.Select(t => t.Name))}.");
                // An obligation of 商业银行 binds a 城市商业银行 too.
                foreach (var type in taxonomy.Ancestors(canonical).Prepend(canonical))
                    any.Add(new TermQuery(new Term(ArticleFields.InstitutionType, type)), Occur.SHOULD);
            }

            all.Add(any, Occur.MUST);
        }

        if (request.Modalities.FirstOrDefault(m => ModalityNames.Parse(m) is null) is { } modality)
            return (null, $"Unknown modality '{modality}'; use {ModalityNames.Accepted}.");
        if (request.Statuses.FirstOrDefault(t => RegulationStatusNames.Parse(t) is null) is { } status)
            return (null, $"Unknown status '{status}'; use {RegulationStatusNames.Accepted}.");
        AddValues(all, ArticleFields.Modality, request.Modalities.Select(m => ModalityNames.Parse(m)!));
        AddValues(all, ArticleFields.Status, request.Statuses.Select(s => RegulationStatusNames.Name(RegulationStatusNames.Parse(s)!.Value)));
        if (request.FromYear is not null || request.ToYear is not null)
            all.Add(NumericRangeQuery.NewInt32Range(ArticleFields.Year, ArticleDocuments.YearPrecisionStep, request.FromYear, request.ToYear, true, true), Occur.MUST);
        return (all, null);
    }

    /// <summary>The indexed issuers that answer to any of the typed names (<see cref="IssuerNames.AnswersTo"/>), or why
    /// one names no issuer the index holds, with those whose names contain it to choose from.</summary>
    private static (BooleanQuery Any, string? Error) Issuers(IReadOnlyList<string> typed, List<string> indexed)
    {
        var any = new BooleanQuery();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in typed)
        {
            var name = IssuerNames.Resolve(value);
            var issued = indexed.Where(i => IssuerNames.AnswersTo(i).Contains(name, StringComparer.Ordinal)).ToList();
            if (issued.Count == 0) return (any, UnknownIssuer(value, name, indexed));
            foreach (var issuer in issued)
                if (kept.Add(issuer)) any.Add(new TermQuery(new Term(ArticleFields.Issuer, issuer)), Occur.SHOULD);
        }

        return (any, null);
    }

    private static string UnknownIssuer(string typed, string name, List<string> indexed)
    {
        var names = indexed.SelectMany(IssuerNames.AnswersTo).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var text = typed.Trim();
        var near = names.Where(n => text.Length > 0 && (n.Contains(text, StringComparison.Ordinal) || n.Contains(name, StringComparison.Ordinal))).ToList();
        if (names.Count == 0) return $"No indexed regulation is issued by '{typed}': none in the index names its issuer.";
        return near.Count > 0
            ? $"No indexed regulation is issued by '{typed}' (an issuer's full or short name, not a part of one). Did you mean: {string.Join("、", near)}?"
            : $"No indexed regulation is issued by '{typed}'. Issuers: {string.Join("、", names)}.";
    }

    private static void AddValues(BooleanQuery all, string field, IEnumerable<string> values)
    {
        var any = new BooleanQuery();
        foreach (var value in values.Distinct(StringComparer.Ordinal)) any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        if (any.Clauses.Count > 0) all.Add(any, Occur.MUST);
    }

    private static List<string> IndexedValues(IndexReader reader, string field)
    {
        var values = new List<string>();
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null) return values;
        var e = terms.GetEnumerator();
        while (e.MoveNext()) values.Add(e.Term.Utf8ToString());
        return values;
    }
}
