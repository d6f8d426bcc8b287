using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>For a question after a penalty, puts the article that sanctions a rule just above the rule, where the rule
/// ranks among the best.</summary>
/// <remarks>
/// Rules sanction by reference: 违反本规定第七条规定的，给予警告… names the conduct only as "article 7", so a question in
/// the conduct's words (开户时不核对身份证件，罚多少) finds article 7 and not the article that answers it. When the question
/// asks for a penalty, each of the best <see cref="Looked"/> articles is looked up among its regulation's sanctioning
/// articles (<see cref="ArticleFields.Sanctions"/>, marked at indexing), and an article sanctioning it is scored just above
/// it, whether or not it matched the words. Regulations keep their order: no article is put above its regulation's best
/// by more than a hair.
/// </remarks>
internal sealed class PenaltyCitations(IndexSearcher searcher, Func<int, string?> regulationOf, Filter kind, BooleanQuery filter)
{
    /// <summary>How many of the best articles may be cited rules.</summary>
    public const int Looked = 10;

    private static readonly ISet<string> Number = new HashSet<string> { ArticleFields.Article };
    private static readonly ISet<string> Cited = new HashSet<string> { ArticleFields.Sanctions };

    /// <summary>The pool with each sanctioning article placed; <paramref name="looked"/> finds every article that could be
    /// (null when none was), so that those the words had not found can be counted.</summary>
    public ScoreDoc[] Rerank(ScoreDoc[] pool, out Query? looked)
    {
        looked = null;
        // The best articles as rules that may be cited, by regulation and number, with their scores.
        var rules = new Dictionary<(string Regulation, string Number), float>();
        var any = new BooleanQuery();
        foreach (var rule in pool.Take(Looked))
        {
            if (regulationOf(rule.Doc) is not { } regulation) continue;
            var number = searcher.Doc(rule.Doc, Number).GetField(ArticleFields.Article)?.GetInt32Value() ?? 0;
            if (number <= 0) continue;
            var key = (regulation, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!rules.TryAdd(key, rule.Score)) continue;
            any.Add(new BooleanQuery
            {
                { new TermQuery(new Term(ArticleFields.Regulation, key.regulation)), Occur.MUST },
                { new TermQuery(new Term(ArticleFields.Sanctions, key.Item2)), Occur.MUST },
            }, Occur.SHOULD);
        }
        if (any.Clauses.Count == 0) return pool;

        var sanctions = filter.Clauses.Count > 0 ? new BooleanQuery { { any, Occur.MUST }, { filter, Occur.MUST } } : any;
        var scores = pool.ToDictionary(d => d.Doc, d => d.Score);
        var moved = false;
        var lookup = new FilteredQuery(sanctions, kind);
        foreach (var hit in searcher.Search(lookup, 5 * Looked).ScoreDocs)
        {
            if (regulationOf(hit.Doc) is not { } regulation) continue;
            var placed = searcher.Doc(hit.Doc, Cited).GetValues(ArticleFields.Sanctions)
                .Select(n => rules.GetValueOrDefault((regulation, n))).DefaultIfEmpty(0f).Max() * 1.0005f;
            if (placed <= 0 || (scores.TryGetValue(hit.Doc, out var score) && score >= placed)) continue;
            scores[hit.Doc] = placed;
            moved = true;
        }

        if (!moved) return pool;
        looked = lookup;
        return BestFirst.Order(scores.Select(p => new ScoreDoc(p.Key, p.Value)), regulationOf);
    }
}
