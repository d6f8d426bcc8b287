using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Core.Mining;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>Within each regulation found, raises the articles shaped as the question's answer: a list for 哪些…,
/// a time for 多久…, a sanction for 怎么罚…, a prohibition or permission for 能不能…, who acts for 谁….</summary>
/// <remarks>
/// A question says what kind of answer it wants before it says about what: 要提交哪些材料 is answered by the article that
/// lists them (（一）…（二）…, 下列材料：), 多久内报告 by the one that sets the period (十个工作日内), 罚多少 by the one
/// that imposes a fine (处…罚款), 能不能代销 by the one that forbids or allows it (不得…, 可以…: the modalities mined from
/// its provisions), 由谁制定 by the one that names who acts (由中国人民银行拟订, 向…报告). A topic that names what lists are
/// made of (设立条件, 开户证明文件) asks for a list too; and where the question names what it wants a list of (哪些客户), the
/// article whose list is of that (下列客户：) is raised further by <see cref="QueryWeights.ListedNoun"/>.
/// A query that asks for no definition is not answered by one: a definition names the regulation's terms densely and
/// early, so it outranks the rule about them; every other article is raised by <see cref="QueryWeights.NotDefinition"/>. Among the articles of
/// one regulation that share the question's words, that is often the only difference. Each of the best
/// <see cref="WithinRegulations.Depth"/> articles holding an asked role (<see cref="ArticleRoles"/>, marked at indexing) is raised by
/// <see cref="QueryWeights.AnswerShape"/>; the regulations keep their order (<see cref="WithinRegulations"/>).
/// </remarks>
internal sealed partial class AnswerShapes(IndexReader reader, Func<int, string?> regulationOf, float weight, float definitionWeight, float listedWeight)
{
    /// <summary>What a list the query asks for is a list of: 哪些客户 → 客户, 职责有哪些 → 职责 (folded as
    /// <see cref="ArticleRoles.ListNoun"/>), or null.</summary>
    public static string? ListedNoun(string query)
    {
        var after = NounAfterCue().Match(query);
        if (after.Success && !NotNoun(after.Groups[1].Value)) return ArticleRoles.ListNoun(after.Groups[1].Value);
        var before = NounBeforeCue().Match(query);
        if (before.Success && !NotNoun(before.Groups["noun"].Value)) return ArticleRoles.ListNoun(before.Groups["noun"].Value);
        var last = ListNounLast().Match(query);
        return last.Success ? ArticleRoles.ListNoun(last.Groups[1].Value) : null;
    }

    /// <summary>A pair that starts with a verb or particle (是, 要, 需…) heads no noun: 哪些要报告.</summary>
    private static bool NotNoun(string pair) => "是要需应可能有会在被由向对的了".Contains(pair[0], StringComparison.Ordinal);

    [GeneratedRegex(@"(?:哪些|哪几[个项类种条]?|什么|啥)(\p{IsCJKUnifiedIdeographs}{2})")]
    private static partial Regex NounAfterCue();

    [GeneratedRegex(@"(?<noun>\p{IsCJKUnifiedIdeographs}{2})(?:有|包括|包含|分为|是)?(?:哪些|哪几)|(?<noun>\p{IsCJKUnifiedIdeographs}{2})(?:包括|包含|有)(?:什么|啥)")]
    private static partial Regex NounBeforeCue();

    /// <summary>Words that name what lists are made of (设立条件, 申请材料, 清算组职责, 评估指标): ending a query, they ask for a list.</summary>
    private const string ListNouns = "条件|情形|材料|文件|证件|事项|职责|内容|指标";

    /// <summary>Where a query, or a part of it, ends: its end, a space or a punctuation mark.</summary>
    private const string PartEnd = @"(?=$|[\s？?，,。])";

    /// <summary>A word ending the query (or a part of it) that names what lists are made of: 清算组职责, 评估指标.</summary>
    [GeneratedRegex("(" + ListNouns + ")" + PartEnd)]
    private static partial Regex ListNounLast();

    /// <summary>The roles an answer to <paramref name="query"/> would have.</summary>
    public static IReadOnlyList<string> Asked(string query)
    {
        var roles = new List<string>();
        if (AsksList().IsMatch(query)) roles.Add(ArticleFields.RoleList);
        if (AsksTime().IsMatch(query)) roles.Add(ArticleFields.RoleTime);
        if (AsksPenalty().IsMatch(Mitigation().Replace(query, " "))) roles.Add(ArticleFields.RolePenalty);
        if (AsksWhetherAllowed().IsMatch(query)) roles.Add(Allowed);
        if (AsksWho().IsMatch(query)) roles.Add(ArticleFields.RoleActor);
        return roles;
    }

    /// <summary>The asked "role" of an article that forbids or permits: its mined modalities, not a role marked at indexing.</summary>
    private const string Allowed = "allowed";

    /// <summary>The terms whose articles hold <paramref name="role"/>: the role's own, or for <see cref="Allowed"/> the
    /// prohibition and permission modalities.</summary>
    private static Term[] Terms(string role) => role == Allowed
        ? [new Term(ArticleFields.Modality, Modality.Prohibition.ToFormatName()), new Term(ArticleFields.Modality, Modality.Permission.ToFormatName())]
        : [new Term(ArticleFields.Role, role)];

    /// <summary>Whether <paramref name="query"/> asks for a definition (什么是…, …的定义, or 定义 alone): then no article is
    /// raised for not being one.</summary>
    public static bool AsksDefinition(string query) => QueryBuilder.AsksDefinition(query) || query.Contains("定义", StringComparison.Ordinal);

    [GeneratedRegex(@"哪些|哪几|什么情形|哪种情况|什么情况下|包括什么|包括哪|有什么|有啥|什么条件|啥条件|啥情况|什么材料|啥材料|(?:" + ListNouns + ")" + PartEnd)]
    private static partial Regex AsksList();

    [GeneratedRegex("多久|几天|几日|多长时间|什么时候|啥时候|期限|时限|几个工作日|多少个工作日|多少天|多少日|几个月|多少个月|几年|多少年|几小时|多少小时|何时|截止|最晚|提前几")]
    private static partial Regex AsksTime();

    /// <summary>Whether something may be done: 能不能, 能否, 可以…吗, 是否允许, 禁止…吗.</summary>
    [GeneratedRegex("能不能|能否|可不可以|可以吗|是否可以|准不准|让不让|允许|禁止|不能|不准|不许")]
    private static partial Regex AsksWhetherAllowed();

    /// <summary>Who acts: 谁, 由谁, 哪个部门, 归哪….</summary>
    [GeneratedRegex("谁|哪个部门|哪些部门|什么部门|哪个机构|哪个单位|哪家|归哪")]
    private static partial Regex AsksWho();

    [GeneratedRegex("罚则|处罚|怎么罚|罚款|罚多少|法律责任|承担什么责任|后果|怎么处理|追责")]
    private static partial Regex AsksPenalty();

    /// <summary>A lighter or heavier penalty (从轻处罚, 不予处罚): a question after the grounds for it, which the article
    /// listing them answers, not one imposing a fine.</summary>
    [GeneratedRegex("(?:从轻|从重|减轻|免予|免于|不予|免除)(?:行政)?处罚")]
    private static partial Regex Mitigation();

    /// <summary>The pool reordered, best first.</summary>
    /// <param name="roles">The roles asked (<see cref="Asked"/>): an article holding one is raised by the weight.</param>
    /// <param name="listed">What the query asks a list of (<see cref="ListedNoun"/>), or null: an article listing it is
    /// raised by the listed weight on top of its role's.</param>
    /// <remarks>With a definition weight, every article but a definition is raised by it as well (the caller passes 0
    /// where a definition is asked, or where a document number's topic may name a defined term).</remarks>
    public ScoreDoc[] Rerank(ScoreDoc[] pool, IReadOnlyList<string> roles, string? listed)
    {
        if ((roles.Count == 0 && definitionWeight <= 0) || pool.Length < 2) return pool;
        var lists = listed is not null && listedWeight > 0 ? new Term(ArticleFields.Listed, listed) : null;
        // The best role's raise per article; the not-a-definition and listed raises multiply with it.
        var factors = Enumerable.Repeat(1.0, pool.Length).ToArray();
        var multiplied = Enumerable.Repeat(1.0, pool.Length).ToArray();
        foreach (var (leaf, looked) in WithinRegulations.BySegment(pool, reader.Leaves))
        {
            if (definitionWeight > 0)
            {
                var definitions = Holding(leaf, looked, pool, new Term(ArticleFields.Role, ArticleFields.RoleDefinition));
                for (var k = 0; k < looked.Length; k++)
                    if (!definitions[k]) multiplied[looked[k]] = 1 + definitionWeight;
            }

            if (lists is not null)
            {
                var holding = Holding(leaf, looked, pool, lists);
                for (var k = 0; k < looked.Length; k++)
                    if (holding[k]) multiplied[looked[k]] *= 1 + listedWeight;
            }

            if (weight <= 0) continue;
            foreach (var role in roles)
            {
                foreach (var term in Terms(role))
                {
                    var holding = Holding(leaf, looked, pool, term);
                    for (var k = 0; k < looked.Length; k++)
                        if (holding[k]) factors[looked[k]] = Math.Max(factors[looked[k]], 1 + weight);
                }
            }
        }

        for (var i = 0; i < factors.Length; i++) factors[i] *= multiplied[i];
        return factors.Any(f => f > 1) ? WithinRegulations.Raise(pool, factors, regulationOf) : pool;
    }

    /// <summary>For each of <paramref name="looked"/> (indexes into the pool, in document order), whether its article holds
    /// <paramref name="term"/> (a role, a modality): one forward pass over its postings in the segment.</summary>
    private static bool[] Holding(AtomicReaderContext leaf, int[] looked, ScoreDoc[] pool, Term term)
    {
        var holding = new bool[looked.Length];
        var postings = leaf.AtomicReader.GetTermDocsEnum(term);
        if (postings is null) return holding;
        var at = -1;
        for (var k = 0; k < looked.Length; k++)
        {
            var local = pool[looked[k]].Doc - leaf.DocBase;
            if (at < local) at = postings.Advance(local);
            holding[k] = at == local;
        }

        return holding;
    }
}
