using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>Within each regulation found, raises the articles shaped as the question's answer: a list for 哪些…,
/// a time for 多久…, a sanction for 怎么罚….</summary>
/// <remarks>
/// A question says what kind of answer it wants before it says about what: 要提交哪些材料 is answered by the article that
/// lists them (（一）…（二）…, 下列材料：), 多久内报告 by the one that sets the period (十个工作日内), 罚多少 by the one
/// that imposes a fine (处…罚款). A topic that names what lists are made of (设立条件, 开户证明文件) asks for a list too.
/// A query that asks for no definition is not answered by one: a definition names the regulation's terms densely and
/// early, so it outranks the rule about them; every other article is raised by <see cref="QueryWeights.NotDefinition"/>. Among the articles of
/// one regulation that share the question's words, that is often the only difference. Each of the best
/// <see cref="WithinRegulations.Depth"/> articles holding an asked role (<see cref="ArticleRoles"/>, marked at indexing) is raised by
/// <see cref="QueryWeights.AnswerShape"/>; the regulations keep their order (<see cref="WithinRegulations"/>).
/// </remarks>
internal sealed partial class AnswerShapes(IndexReader reader, Func<int, string?> regulationOf, float weight, float definitionWeight)
{
    /// <summary>The roles an answer to <paramref name="query"/> would have.</summary>
    public static IReadOnlyList<string> Asked(string query)
    {
        var roles = new List<string>();
        if (AsksList().IsMatch(query)) roles.Add(ArticleFields.RoleList);
        if (AsksTime().IsMatch(query)) roles.Add(ArticleFields.RoleTime);
        if (AsksPenalty().IsMatch(query)) roles.Add(ArticleFields.RolePenalty);
        if (!AsksDefinition().IsMatch(query)) roles.Add(NotDefinition);
        return roles;
    }

    [GeneratedRegex(@"哪些|哪几|什么情形|哪种情况|什么情况下|包括什么|包括哪|有什么|有啥|什么条件|啥条件|啥情况|什么材料|啥材料|(?:条件|情形|材料|文件|证件|事项)(?=$|[\s？?，,。])")]
    private static partial Regex AsksList();

    [GeneratedRegex("多久|几天|几日|多长时间|什么时候|啥时候|期限|时限|几个工作日|多少个工作日|多少天|多少日|几个月|何时|截止|最晚|提前几")]
    private static partial Regex AsksTime();

    /// <summary>Asked for no definition: every article but a definition is raised (a pseudo-role, never indexed).</summary>
    public const string NotDefinition = "!definition";

    [GeneratedRegex("什么是|是什么意思|是什么|是指什么|指的是什么|指什么|什么叫|何为|何谓|的定义|的含义|怎么定义|如何定义|定义")]
    private static partial Regex AsksDefinition();

    [GeneratedRegex("罚则|处罚|怎么罚|罚款|罚多少|法律责任|承担什么责任|后果|怎么处理|追责")]
    private static partial Regex AsksPenalty();

    /// <summary>The pool reordered, best first.</summary>
    public ScoreDoc[] Rerank(ScoreDoc[] pool, IReadOnlyList<string> roles)
    {
        if (roles.Count == 0 || pool.Length < 2) return pool;
        var factors = Enumerable.Repeat(1.0, pool.Length).ToArray();
        var plain = Enumerable.Repeat(1.0, pool.Length).ToArray();
        foreach (var (leaf, looked) in WithinRegulations.BySegment(pool, reader.Leaves))
        {
            foreach (var role in roles)
            {
                if (role == NotDefinition)
                {
                    if (definitionWeight <= 0) continue;
                    var defs = leaf.AtomicReader.GetTermDocsEnum(new Term(ArticleFields.Role, ArticleFields.RoleDefinition));
                    var d = -1;
                    foreach (var i in looked)
                    {
                        var local = pool[i].Doc - leaf.DocBase;
                        if (defs is not null && d < local) d = defs.Advance(local);
                        if (defs is null || d != local) plain[i] = 1 + definitionWeight;
                    }
                    continue;
                }
                if (weight <= 0) continue;
                var postings = leaf.AtomicReader.GetTermDocsEnum(new Term(ArticleFields.Role, role));
                if (postings is null) continue;
                var at = -1;
                foreach (var i in looked)
                {
                    var local = pool[i].Doc - leaf.DocBase;
                    if (at < local) at = postings.Advance(local);
                    if (at == local) factors[i] = Math.Max(factors[i], 1 + weight);
                }
            }
        }

        for (var i = 0; i < factors.Length; i++) factors[i] *= plain[i];
        return factors.Any(f => f > 1) ? WithinRegulations.Raise(pool, factors, regulationOf) : pool;
    }
}
