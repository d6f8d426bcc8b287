using System.Text.RegularExpressions;
using ObligationTracker.Core.Mining.Rules;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Search.Indexing;

/// <summary>What an article is, beside what it says, as far as ranking cares: the statement of purpose, an article that
/// lists (items or a 下列…： lead-in), an article that sets a time (a deadline, a period, a frequency), an article that
/// sanctions, a definition, an article that names who acts.</summary>
internal static partial class ArticleRoles
{
    /// <summary>The roles of an article with this text (<see cref="ArticleFields.Role"/> values).</summary>
    public static IEnumerable<string> Of(string text)
    {
        if (NonNormativeFilter.IsPurposeStatement(text)) yield return ArticleFields.RolePurpose;
        if (Lists().IsMatch(text)) yield return ArticleFields.RoleList;
        if (SetsTime().IsMatch(text)) yield return ArticleFields.RoleTime;
        if (Sanctions().IsMatch(text)) yield return ArticleFields.RolePenalty;
        if (Defines().IsMatch(text)) yield return ArticleFields.RoleDefinition;
        if (NamesActor().IsMatch(text)) yield return ArticleFields.RoleActor;
    }

    /// <summary>What the article's lists are lists of: the character pairs of the first Han characters after each lead-in
    /// (下列客户及其交易 → 客户, 户及, 及其), a near-synonym folded to one name (资料, 文件 → 材料; 情况 → 情形).</summary>
    public static IEnumerable<string> Listed(string text)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match lead in ListLead().Matches(text))
        {
            var words = lead.Groups["words"].Value;
            for (var i = 0; i + 1 < words.Length && i < 4; i++) pairs.Add(ListNoun(words.Substring(i, 2)));
        }

        return pairs;
    }

    /// <summary>One name for near-synonyms a list is headed by (资料, 文件 → 材料; 情况 → 情形).</summary>
    public static string ListNoun(string pair) => pair switch
    {
        "资料" or "文件" => "材料",
        "情况" => "情形",
        _ => pair,
    };

    /// <summary>下列 and the Han characters after it; 以下 / 如下 only where a colon closes the lead-in soon after (not
    /// 五万元以下, 以下简称).</summary>
    [GeneratedRegex(@"(?<!第)下列(?<words>\p{IsCJKUnifiedIdeographs}{2,6})|(?:以下|如下)(?!简称)(?<words>\p{IsCJKUnifiedIdeographs}{2,6})(?=[^。；，,0-9０-９]{0,8}[：:])")]
    private static partial Regex ListLead();

    /// <summary>Who acts: 由…制定 (who decides, approves, keeps, receives), …负责 / 职责 / 会同 / 牵头, 向…报告 (to whom
    /// one reports or applies), 报…批准, 依法对…实施监督管理 (who supervises), 归于 (to whom something falls).</summary>
    [GeneratedRegex(@"由[^。；：]{1,30}?(负责|制定|拟订|拟定|决定|确定|指定|审批|批准|核准|组织|召集|担任|推荐|承办|统筹|承担|认定|审核|保管|处罚|实施|发布|公布|接收|受理|监管|监督|提交|发行)|负责|职责|主管部门|主管单位|统筹|会同|牵头|向[^。；，,：]{1,20}?(报告|报送|提交|提出|申请|备案|上交|上缴|投诉)|报[^。；，,：]{1,12}?(批准|审批|备案|核准)|对[^。；]{1,40}?(实施|进行|开展)[^。；]{0,8}(监督管理|监管|管理|检查|监测)|监督管理机关|归于")]
    private static partial Regex NamesActor();

    /// <summary>Items （一）… or a lead-in naming a list (下列情形, 以下材料：); not 以下 of an amount (五万元以下), nor an item
    /// cited (第十条第（一）项) or a short name given (以下简称…：).</summary>
    [GeneratedRegex(@"(?<!第)[（(]一[）)]|下列|以下(?!简称)[^。；，,0-9０-９]{0,12}[：:]")]
    private static partial Regex Lists();

    /// <summary>A period (十五个工作日内, 三十日以内, 3个月前), a duration (至少保存5年, 最长不超过三年), a start (之日起,
    /// 自2025年1月1日起), a date to meet (2024年12月31日前), a frequency (每季度), or 及时.</summary>
    [GeneratedRegex(@"([0-9０-９]+|[一二三四五六七八九十两]+)个?(工作日|日|天|个月|月|小时|年)(内|以内|前|之前)|(不少于|至少|不超过|不得超过|最长|最短|保存|满)([0-9０-９]+|[一二三四五六七八九十两]+)个?(工作日|日|天|个月|月|小时|年)|之日起|(19|20)[0-9]{2}年[0-9]{1,2}月([0-9]{1,2}日)?(起|前|之前|以前)|每(年|季度|月|半年)|及时")]
    private static partial Regex SetsTime();

    /// <summary>The articles of its own regulation a sanctioning text names as the rule broken: 违反本规定第七条、第八条规定的
    /// → 7, 8; not those of another instrument (违反《反洗钱法》第三十二条).</summary>
    public static IEnumerable<int> Breached(string text)
    {
        foreach (Match breach in Breach().Matches(text))
        {
            if (breach.Value.Contains('《')) continue;
            foreach (Match article in ArticleNumber().Matches(breach.Value))
                if (ChineseNumber.TryParse(article.Groups[1].Value, out var number) && number > 0) yield return number;
        }
    }

    /// <summary>违反 and what it names, to the end of the clause.</summary>
    [GeneratedRegex(@"违反[^，。；：,;]{0,60}")]
    private static partial Regex Breach();

    /// <summary>An article cited by its number: 第十二条, 第 12 条 (Arabic, full-width or Chinese numerals); also what a query
    /// names (<see cref="Querying.QueryBuilder"/>).</summary>
    [GeneratedRegex(@"第\s*([0-9０-９]+|[零〇一二两三四五六七八九十百千]+)\s*条")]
    public static partial Regex ArticleNumber();

    /// <summary>A definition: 本办法所称X，是指… / X是指….</summary>
    [GeneratedRegex(@"^[^。；]{0,40}(本(办法|规定|条例|法|细则|指引|通知|规则|意见)所称|是指)")]
    private static partial Regex Defines();

    /// <summary>A sanction imposed: a fine, a warning, confiscation, an order to correct, a licence suspended or revoked.</summary>
    [GeneratedRegex(@"罚款|处以|给予警告|予以警告|没收违法所得|责令(限期)?改正|吊销|撤销[^。；]{0,8}许可|暂停[^。；]{0,6}业务|追究刑事责任|纪律处分|依法给予处分")]
    private static partial Regex Sanctions();
}
