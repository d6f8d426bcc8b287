using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Mining;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>A search request's filters as one Lucene clause: issuer, institution type (with its ancestors), modality,
/// status, year range. The kind of document searched is filtered apart (<see cref="KindFilters"/>).</summary>
internal static class RequestFilters
{
    /// <summary>The request's own filters (none: no clause), or the message saying why one cannot match.</summary>
    public static (BooleanQuery? Filter, string? Error) Build(SearchRequest request, IndexReader reader)
    {
        var all = new BooleanQuery();
        if (request.Issuers.Count > 0)
        {
            var indexed = IndexedValues(reader, ArticleFields.Issuer);
            // A name no indexed regulation's issuer answers to is most likely mistyped: say so, rather than find nothing.
            if (indexed.Count > 0 && request.Issuers.FirstOrDefault(t => !indexed.Any(i => IssuerNames.Matches(i, t))) is { } unknown)
                return (null, $"No indexed regulation is issued by '{unknown}'. Issuers: {string.Join("、", indexed.Order(StringComparer.Ordinal))}.");
            var any = new BooleanQuery();
            foreach (var issuer in indexed.Where(i => request.Issuers.Any(t => IssuerNames.Matches(i, t))))
                any.Add(new TermQuery(new Term(ArticleFields.Issuer, issuer)), Occur.SHOULD);
            all.Add(any.Clauses.Count > 0 ? any : new TermQuery(new Term(ArticleFields.Issuer, "\u0000none")), Occur.MUST);
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

        if (request.Modalities.FirstOrDefault(m => !ModalityNames.Provisions.Contains(m.Trim())) is { } modality)
            return (null, $"Unknown modality '{modality}'; use {string.Join(", ", ModalityNames.Provisions)}.");
        if (request.Statuses.FirstOrDefault(t => RegulationStatusNames.Of(t.Trim()) is null) is { } status)
            return (null, $"Unknown status '{status}'; use {string.Join(", ", RegulationStatusNames.All.SkipLast(1))} or {RegulationStatusNames.All[^1]}.");
        AddValues(all, ArticleFields.Modality, request.Modalities);
        AddValues(all, ArticleFields.Status, request.Statuses);
        if (request.FromYear is not null || request.ToYear is not null)
            all.Add(NumericRangeQuery.NewInt32Range(ArticleFields.Year, ArticleDocuments.YearPrecisionStep, request.FromYear, request.ToYear, true, true), Occur.MUST);
        return (all, null);
    }

    private static void AddValues(BooleanQuery all, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        var any = new BooleanQuery();
        foreach (var value in values) any.Add(new TermQuery(new Term(field, value.Trim())), Occur.SHOULD);
        all.Add(any, Occur.MUST);
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
