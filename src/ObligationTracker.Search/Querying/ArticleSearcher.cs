using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using ObligationTracker.Search.Analysis;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>Runs one <see cref="SearchRequest"/> against an index snapshot: parse, filter, rank, group, highlight, count.
/// It searches articles, or provisions where the request asks for them.</summary>
/// <param name="rerankWindow">How many of the best matches the rerankers look at, whatever the page: a page's articles
/// must not depend on how deep the pool behind it was.</param>
internal sealed class ArticleSearcher(IndexSearcher shared, QueryWeights? weights = null, FacetOrdinals.Cache? facetCache = null, ScoreAccumulators? accumulators = null, KindFilters? kinds = null, int rerankWindow = 100)
{
    private readonly KindFilters _kinds = kinds ?? new KindFilters();
    private readonly FacetOrdinals.Cache _facetCache = facetCache ?? new FacetOrdinals.Cache();
    private readonly QueryWeights _weights = weights ?? QueryWeights.Default;
    private readonly IndexReader _reader = shared.IndexReader;

    private const int MaximumPageSize = 1000;

    /// <summary>A searcher over <paramref name="reader"/> that scores documents of one kind as searches with <paramref name="weights"/> do.</summary>
    internal static IndexSearcher Scoring(IndexReader reader, QueryWeights weights, SearchFields? fields = null) =>
        new KindSearcher(reader, (fields ?? SearchFields.Articles).Kind) { Similarity = new CoverageSimilarity(weights.K1, weights.B) };

    public SearchResult Search(SearchRequest request, SearchStages? stages = null)
    {
        stages?.Start();
        if (request.PageSize is < 1 or > MaximumPageSize) return SearchResult.Failed($"The page size must be between 1 and {MaximumPageSize}.");
        if (request.Page < 0) return SearchResult.Failed("The page number cannot be negative.");
        if (request.ArticlesPerRegulation < 1) return SearchResult.Failed("At least one article per regulation must be shown.");
        if (request.FromYear > request.ToYear) return SearchResult.Failed($"The year range {request.FromYear}–{request.ToYear} is empty.");

        var (parsed, error) = QuerySyntax.Parse(request.Query);
        if (parsed is null) return SearchResult.Failed(error!);
        var fields = request.Provisions ? SearchFields.Provisions : SearchFields.Articles;
        var searcher = Scoring(_reader, _weights, fields);
        var (filter, filterError) = RequestFilters.Build(request, _reader);
        if (filterError is not null) return SearchResult.Failed(filterError);
        // A pool of the best matches is ranked; a page further down than the pool settles is searched again with a larger
        // one (see RegulationGroups). Never more than the index holds: a far page (--page 999999999) must not ask Lucene
        // for a queue of billions.
        var skip = (long)request.Page * request.PageSize;
        var wanted = skip + request.PageSize;
        var pool = (int)Math.Min(Math.Max(rerankWindow, wanted * 4), Math.Max(1, _reader.MaxDoc));
        Ranking ranking;
        while (true)
        {
            ranking = Rank(parsed, request, fields, filter!, searcher, pool, stages);
            if (ranking.Error is not null) return SearchResult.Failed(ranking.Error);
            // The first page is shown as its pool ranks it: settling it would search again for most queries (measured: p50
            // 4.3 → 11.7 ms on the 228k-article index). A later page is settled, so later pages neither repeat nor skip.
            if (request.Page == 0 || ranking.Complete || ranking.Settled >= wanted || skip >= ranking.Total) break;
            pool = (int)Math.Min(Math.Max(pool * 4L, wanted * 4), ranking.Matches);
        }

        var ranked = ranking.Hits;
        var page = skip >= ranked.Count ? [] : ranked.Skip((int)skip).Take(request.PageSize).ToList();
        var snippets = request.Highlight ? new SnippetMaker(ranking.Builder.HighlightTerms, request.HighlightStart, request.HighlightEnd) : null;
        stages?.Mark("group");
        var hits = page.Select(h => Hit(h.Doc, h.Score, h.RegulationRank, fields, snippets, stages)).ToList();
        var result = new SearchResult(null, ranking.Total, ranking.Regulations, hits, ranking.Facets.Counts())
        {
            UnknownNumbers = [.. ranking.Builder.UnknownNumbers.Distinct()],
            UnknownTitles = [.. ranking.Builder.UnknownTitles.Distinct()],
        };
        stages?.Mark("facet labels");
        return result;
    }

    /// <summary>A pool ranked and grouped: the hit list, how much of it is settled, and the counts.</summary>
    private sealed record Ranking(string? Error, QueryBuilder Builder, List<RegulationGroups.Placed> Hits, int Settled, bool Complete, int Total, int Regulations, int Matches, FacetCollector Facets)
    {
        public static Ranking Failed(string error) => new(error, null!, [], 0, true, 0, 0, 0, null!);
    }

    /// <summary>Matches the query, ranks the best <paramref name="pool"/> matches (the rerankers the first
    /// <c>rerankWindow</c> of them) and groups them by regulation.</summary>
    private Ranking Rank(GroupNode parsed, SearchRequest request, SearchFields fields, BooleanQuery filter, IndexSearcher searcher, int pool, SearchStages? stages)
    {
        var attempt = Attempt(parsed, _weights, fields, filter, searcher, pool, request.CountFacets, stages);
        if (attempt.Error is not null) return Ranking.Failed(attempt.Error);
        // A long question or paraphrase whose words mostly differ from the text's finds little or nothing when most of
        // them must match, and not always the right article: then any of them may, the coverage factor still ranking
        // articles that match more first. Whether it finds little is judged without the request's filters, which only
        // restrict: a filter must not turn a search into another that finds more (the facet counts, made unfiltered, would
        // no longer be what a search filtered by their value finds).
        if (attempt.Builder!.RequiresMostWords && attempt.Top!.TotalHits < RelaxBelow
            && (filter.Clauses.Count == 0 || !HitsAtLeast.Reached(searcher, attempt.Unfiltered!, RelaxBelow)))
            attempt = Attempt(parsed, _weights with { MinimumWordShare = 0 }, fields, filter, searcher, pool, request.CountFacets, stages);
        var (builder, topDocs, facets) = (attempt.Builder!, attempt.Top!, attempt.Facets!);
        var (total, regulations) = (topDocs.TotalHits, facets.Regulations);
        // The window is taken in Lucene's order (ties by document number), which does not depend on the pool's size.
        var all = topDocs.ScoreDocs;
        var scoreDocs = BestFirst.Order(all.Length > rerankWindow ? all[..rerankWindow] : all, RegulationOf);
        // Articles only (measured there; provisions carry no roles), and before the named articles are placed: a first
        // mention or an answer's shape must not displace them.
        if (fields == SearchFields.Articles)
        {
            scoreDocs = new FirstMentions(_reader, _facetCache, RegulationOf, _weights.FirstMention).Rerank(scoreDocs, builder.TopicWords, builder.Documents);
            var asked = AnswerShapes.Asked(request.Query);
            var numbered = builder.NumberTopic.Length > 0;
            // A number's topic often names a term its definition answers (非标资产): definitions are not passed over there.
            var notDefinition = numbered || AnswerShapes.AsksDefinition(request.Query) ? 0 : _weights.NotDefinition;
            var shape = numbered ? _weights.NumberAnswerShape : _weights.AnswerShape;
            scoreDocs = new AnswerShapes(_reader, RegulationOf, shape, notDefinition, _weights.ListedNoun).Rerank(scoreDocs, asked, AnswerShapes.ListedNoun(request.Query));
            scoreDocs = new LeadMatches(_reader, RegulationOf, _weights.LeadMatch).Rerank(scoreDocs, builder.NumberTopic);
            if (_weights.PenaltyCitations && asked.Contains(ArticleFields.RolePenalty))
            {
                scoreDocs = new PenaltyCitations(searcher, RegulationOf, _kinds.For(fields.Kind), filter).Rerank(scoreDocs, out var cited);
                if (cited is not null) total += Unmatched(searcher, cited, attempt.Query!, facets);
            }
        }
        if (builder.ArticleReferences.Count > 0 && ReferencedArticles(scoreDocs, builder.ArticleReferences, fields, filter) is { } referenced)
        {
            scoreDocs = WithReferencedArticles(searcher, scoreDocs, referenced);
            total += Unmatched(searcher, referenced.Lookup, attempt.Query!, facets);
        }

        if (all.Length > rerankWindow)
        {
            // The rest of the pool as matched, less the articles the rerankers placed already.
            var placedDocs = scoreDocs.Select(d => d.Doc).ToHashSet();
            scoreDocs = BestFirst.Order(scoreDocs.Concat(all[rerankWindow..].Where(d => !placedDocs.Contains(d.Doc))), RegulationOf);
        }

        stages?.Mark("match, score, count facets");
        var complete = all.Length >= topDocs.TotalHits;
        var unseen = complete ? (float?)null : all[^1].Score;
        var (hits, settled) = RegulationGroups.Arrange(scoreDocs, RegulationOf, request.ArticlesPerRegulation, _weights.GroupFloor, _weights.NextRegulationFloor, unseen);
        return new Ranking(null, builder, hits, settled, complete, total, regulations, topDocs.TotalHits, facets);
    }

    /// <summary>Counts the articles <paramref name="placed"/> finds that <paramref name="matched"/> does not, in the total
    /// and the facets: a reranker placed them among the hits although the words did not find them (their regulations
    /// were found, so are counted already).</summary>
    private static int Unmatched(IndexSearcher searcher, Query placed, Query matched, FacetCollector facets)
    {
        var unmatched = new TotalHitCountCollector();
        searcher.Search(new BooleanQuery { { placed, Occur.MUST }, { matched, Occur.MUST_NOT } }, MultiCollector.Wrap(unmatched, facets));
        return unmatched.TotalHits;
    }

    /// <summary>Fewer hits than this with most words required, and the search is run again with any word enough.</summary>
    private const int RelaxBelow = 10;

    /// <param name="Unfiltered">The query without the request's filters (the kind only).</param>
    private sealed record Attempted(string? Error, QueryBuilder? Builder = null, TopDocs? Top = null, FacetCollector? Facets = null, Query? Query = null, Query? Unfiltered = null);

    /// <summary>Builds the query with <paramref name="weights"/> and runs it: the top documents and the facet counts.</summary>
    private Attempted Attempt(GroupNode parsed, QueryWeights weights, SearchFields fields, BooleanQuery filter, IndexSearcher searcher, int pool, bool countFacets, SearchStages? stages)
    {
        var builder = new QueryBuilder(weights, _reader, accumulators, fields);
        Query? query;
        try
        {
            query = builder.Build(parsed);
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            return new("The query has too many words; shorten it.");
        }

        if (query is null && builder.ArticleReferences.Count > 0)
            return new("An article number alone (第三条) names no regulation: add the regulation's name, its document number or a topic.");
        if (query is null) return new("The query has no searchable words (only punctuation or very common words).");
        // The kind as cached bits (applied like deletions); the request's own filters, where it has any, on top.
        var unfiltered = query = new FilteredQuery(query, _kinds.For(fields.Kind));
        if (filter.Clauses.Count > 0) query = new FilteredQuery(query, new QueryWrapperFilter(filter));
        stages?.Mark("parse, build query");

        var top = TopScoreDocCollector.Create(pool, docsScoredInOrder: false);
        var facets = new FacetCollector(countFacets, _facetCache);
        searcher.Search(query, MultiCollector.Wrap(top, facets));
        return new(null, builder, top.GetTopDocs(), facets, query, unfiltered);
    }

    /// <summary>The articles of a number the query names (个人信息保护法第二十八条) in the regulations the words found (up to
    /// <see cref="MaximumReferencedRegulations"/>, with each one's best score), and the query that finds them.</summary>
    private sealed record Referenced(Query Lookup, Dictionary<string, float> Best, int Limit);

    private Referenced? ReferencedArticles(ScoreDoc[] pool, HashSet<int> numbers, SearchFields fields, BooleanQuery filter)
    {
        var best = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var doc in pool)
            if (RegulationOf(doc.Doc) is { } regulation && best.Count < MaximumReferencedRegulations) best.TryAdd(regulation, doc.Score);
        if (best.Count == 0) return null;

        var numbered = new BooleanQuery();
        foreach (var number in numbers) numbered.Add(new TermQuery(new Term(ArticleFields.ArticleNumber, number.ToString(System.Globalization.CultureInfo.InvariantCulture))), Occur.SHOULD);
        var regulations = new BooleanQuery();
        foreach (var regulation in best.Keys) regulations.Add(new TermQuery(new Term(ArticleFields.Regulation, regulation)), Occur.SHOULD);
        var lookup = new BooleanQuery { { numbered, Occur.MUST }, { regulations, Occur.MUST } };
        if (filter.Clauses.Count > 0) lookup.Add(filter, Occur.MUST);
        return new Referenced(new FilteredQuery(lookup, _kinds.For(fields.Kind)), best, best.Count * numbers.Count * 50);
    }

    /// <summary>The pool with each regulation's named article put first in that regulation: scored just above the
    /// regulation's best article, whether or not it matched the words.</summary>
    /// <remarks>The regulations keep the order the words gave them; the totals and facets count a named article the words
    /// did not find as well (see Search).</remarks>
    private ScoreDoc[] WithReferencedArticles(IndexSearcher searcher, ScoreDoc[] pool, Referenced referenced)
    {
        var found = searcher.Search(referenced.Lookup, referenced.Limit).ScoreDocs;
        if (found.Length == 0) return pool;

        var scores = pool.ToDictionary(d => d.Doc, d => d.Score);
        foreach (var doc in found)
            if (RegulationOf(doc.Doc) is { } regulation) scores[doc.Doc] = referenced.Best[regulation] * 1.001f;
        return BestFirst.Order(scores.Select(p => new ScoreDoc(p.Key, p.Value)), RegulationOf);
    }

    private const int MaximumReferencedRegulations = 200;

    private string? RegulationOf(int docId)
    {
        var leaves = _reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(docId, leaves)];
        var segment = _facetCache.For(leaf.AtomicReader);
        var ordinal = segment.RegulationOrdinals[docId - leaf.DocBase];
        return ordinal >= 0 ? segment.Regulations[ordinal] : null;
    }

    private SearchHit Hit(int docId, float score, int regulationRank, SearchFields fields, SnippetMaker? snippets, SearchStages? stages)
    {
        var doc = shared.Doc(docId);
        var article = doc;
        string text;
        ProvisionHit? provision = null;
        if (fields == SearchFields.Provisions)
        {
            // A provision's document holds its tags; the regulation's fields and the text come from its article's.
            article = ArticleOf(docId, doc.GetField(ArticleFields.Article)?.GetInt32Value() ?? 0) ?? doc;
            var articleText = article.Get(ArticleFields.Text) ?? "";
            var length = doc.GetField(ArticleFields.ProvisionLength)?.GetInt32Value() ?? 0;
            text = doc.GetField(ArticleFields.ProvisionStart)?.GetInt32Value() is { } start && start + length <= articleText.Length
                ? articleText.Substring(start, length)
                : doc.Get(ArticleFields.ProvisionText) ?? "";
            provision = new ProvisionHit(doc.Get(ArticleFields.Id) ?? "", doc.Get(ArticleFields.Modality) ?? "", doc.GetValues(ArticleFields.InstitutionType), doc.Get(ArticleFields.DeadlineKind));
        }
        else
        {
            text = doc.Get(ArticleFields.Text) ?? "";
        }

        stages?.Mark("read stored fields");
        var snippet = snippets?.Snippet(text) ?? text;
        stages?.Mark("highlight");
        return new SearchHit(
            RegulationOf(docId) ?? article.Get(ArticleFields.Regulation),
            article.Get(ArticleFields.Title),
            article.Get(ArticleFields.DocumentNumber),
            article.GetValues(ArticleFields.Issuer),
            article.Get(ArticleFields.Issued),
            article.Get(ArticleFields.Status),
            doc.GetField(ArticleFields.Article)?.GetInt32Value() ?? 0,
            article.Get(ArticleFields.Heading) ?? "",
            article.Get(ArticleFields.InAttachment) == "1",
            article.GetField(ArticleFields.Attachment)?.GetInt32Value() ?? 0,
            article.Get(ArticleFields.Chapter),
            score,
            snippet,
            regulationRank)
        {
            Provision = provision,
        };
    }

    /// <summary>The document of article <paramref name="number"/> of the regulation document <paramref name="docId"/> belongs to.</summary>
    private Lucene.Net.Documents.Document? ArticleOf(int docId, int number)
    {
        if (RegulationOf(docId) is not { } regulation) return null;
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(ArticleFields.Regulation, regulation)), Occur.MUST },
            { new TermQuery(new Term(ArticleFields.ArticleNumber, number.ToString(System.Globalization.CultureInfo.InvariantCulture))), Occur.MUST },
        };
        var found = shared.Search(new FilteredQuery(query, _kinds.For(ArticleFields.KindArticle)), 1).ScoreDocs;
        return found.Length > 0 ? shared.Doc(found[0].Doc) : null;
    }
}
