using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Core.Structure;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>For a question after a penalty, puts the article that sanctions a rule just above the rule, where the rule
/// ranks among the best of its regulation.</summary>
/// <remarks>
/// Rules sanction by reference: 违反本规定第七条规定的，给予警告… names the conduct only as "article 7", so a question in
/// the conduct's words (开户时不核对身份证件，罚多少) finds article 7 and not the article that answers it. When the question
/// asks for a penalty and one of the best <see cref="Looked"/> articles of a regulation is cited by one of that
/// regulation's sanctioning articles (<see cref="ArticleFields.RolePenalty"/>), the sanctioning article is scored just above
/// the rule it cites, whether or not it matched the words. Regulations keep their order: no article is put above its
/// regulation's best by more than a hair.
/// </remarks>
internal sealed partial class PenaltyCitations(IndexSearcher searcher, Func<int, string?> regulationOf, Filter kind, BooleanQuery filter)
{
    /// <summary>How many of the best articles may be cited rules.</summary>
    public const int Looked = 10;

    private static readonly ISet<string> Stored = new HashSet<string> { ArticleFields.Text, ArticleFields.Article };

    /// <summary>The pool with each sanctioning article placed; <paramref name="added"/> counts those the words had not found.</summary>
    public ScoreDoc[] Rerank(ScoreDoc[] pool, out IReadOnlyList<int> added)
    {
        added = [];
        var rules = new Dictionary<(string Regulation, int Article), float>();
        foreach (var doc in pool.Take(Looked))
            if (regulationOf(doc.Doc) is { } regulation && Number(doc.Doc) is > 0 and var number)
                rules.TryAdd((regulation, number), doc.Score);
        if (rules.Count == 0) return pool;

        var regulations = new BooleanQuery();
        foreach (var regulation in rules.Keys.Select(k => k.Regulation).Distinct()) regulations.Add(new TermQuery(new Term(ArticleFields.Regulation, regulation)), Occur.SHOULD);
        var penalties = new BooleanQuery
        {
            { regulations, Occur.MUST },
            { new TermQuery(new Term(ArticleFields.Role, ArticleFields.RolePenalty)), Occur.MUST },
        };
        if (filter.Clauses.Count > 0) penalties.Add(filter, Occur.MUST);

        var scores = pool.ToDictionary(d => d.Doc, d => d.Score);
        var found = new List<int>();
        foreach (var hit in searcher.Search(new FilteredQuery(penalties, kind), 200).ScoreDocs)
        {
            if (regulationOf(hit.Doc) is not { } regulation) continue;
            var text = searcher.Doc(hit.Doc, Stored).Get(ArticleFields.Text) ?? "";
            var cited = Cited(text).Where(n => rules.ContainsKey((regulation, n))).Select(n => rules[(regulation, n)]).DefaultIfEmpty(0f).Max();
            if (cited <= 0 || scores.GetValueOrDefault(hit.Doc) > cited) continue;
            if (!scores.ContainsKey(hit.Doc)) found.Add(hit.Doc);
            scores[hit.Doc] = cited * 1.0005f;
        }

        added = found;
        return found.Count == 0 && scores.Count == pool.Length && scores.All(p => pool.Any(d => d.Doc == p.Key && d.Score == p.Value))
            ? pool
            : [.. scores.Select(p => new ScoreDoc(p.Key, p.Value)).OrderByDescending(d => d.Score).ThenBy(d => d.Doc)];
    }

    /// <summary>The articles a sanctioning text cites as the rule broken: 违反本规定第七条、第八条规定的.</summary>
    public static IEnumerable<int> Cited(string text)
    {
        foreach (Match breach in Breach().Matches(text))
            foreach (Match article in ArticleNumber().Matches(breach.Value))
                if (ChineseNumber.TryParse(article.Groups[1].Value, out var number) && number > 0) yield return number;
    }

    private int Number(int doc) => searcher.Doc(doc, Stored).GetField(ArticleFields.Article)?.GetInt32Value() ?? 0;

    /// <summary>违反 and what it names, to the end of the clause.</summary>
    [GeneratedRegex(@"违反[^，。；：,;]{0,60}")]
    private static partial Regex Breach();

    [GeneratedRegex(@"第([0-9０-９]+|[零〇一二两三四五六七八九十百]+)条")]
    private static partial Regex ArticleNumber();
}
