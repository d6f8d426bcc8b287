using System.Text.RegularExpressions;
using Structure = ObligationTracker.Core.Structure;

namespace ObligationTracker.Search.Querying;

/// <summary>Issuers' names as people type them: short names in queries (before a document number), and the names the
/// issuer filter and facet go by.</summary>
internal static partial class IssuerNames
{
    private static readonly Dictionary<string, string> Short = new(StringComparer.Ordinal)
    {
        ["央行"] = "中国人民银行",
        ["人行"] = "中国人民银行",
        ["人民银行"] = "中国人民银行",
        ["银保监会"] = "中国银行保险监督管理委员会",
        ["银保监"] = "中国银行保险监督管理委员会",
        ["银监会"] = "中国银行业监督管理委员会",
        ["保监会"] = "中国保险监督管理委员会",
        ["证监会"] = "中国证券监督管理委员会",
        ["金融监管总局"] = "国家金融监督管理总局",
        ["金管总局"] = "国家金融监督管理总局",
        ["总局"] = "国家金融监督管理总局",
        ["外汇局"] = "国家外汇管理局",
        ["发改委"] = "国家发展和改革委员会",
        ["全国人大常委会"] = "全国人民代表大会常务委员会",
        ["人大常委会"] = "人民代表大会常务委员会",
    };

    /// <summary>Issuers named in full as they sign numbers jointly with others (not covered by a short name above).</summary>
    private static readonly string[] Others = ["国务院", "财政部", "公安部", "国家安全部", "司法部", "商务部", "住房城乡建设部", "国家市场监督管理总局", "市场监管总局", "国家发展改革委", "中国证监会", "中国银保监会", "中国银监会", "中国保监会"];

    /// <summary>Every name and short name known here, longest first.</summary>
    private static readonly string[] Names = [.. Short.Keys.Concat(Short.Values).Concat(Others).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length)];

    /// <summary>The English abbreviations compliance staff write for the regulators, in any case (filter values only: a
    /// query's Latin words are not issuers).</summary>
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PBOC"] = "中国人民银行",
        ["PBC"] = "中国人民银行",
        ["NFRA"] = "国家金融监督管理总局",
        ["CBIRC"] = "中国银行保险监督管理委员会",
        ["CBRC"] = "中国银行业监督管理委员会",
        ["CIRC"] = "中国保险监督管理委员会",
        ["CSRC"] = "中国证券监督管理委员会",
        ["SAFE"] = "国家外汇管理局",
        ["NDRC"] = "国家发展和改革委员会",
        ["SAMR"] = "国家市场监督管理总局",
    };

    /// <summary>Whether the text is an issuer's name or short name (人民银行, 银监会, 国务院).</summary>
    public static bool IsName(string text) => Names.Contains(text, StringComparer.Ordinal);

    /// <summary>The longest issuer name the text ends with (数据安全银监会 → 银监会), or null.</summary>
    public static string? NameEnding(string text) => Names.FirstOrDefault(n => text.EndsWith(n, StringComparison.Ordinal));

    /// <summary>The issuer a filter's value names, as the index names issuers: a full name as it is; a short name
    /// (央行, 中国证监会, 银保监会办公厅, PBOC) as its full name; 浙江省人大常委会 as 浙江省人民代表大会常务委员会.</summary>
    /// <remarks>Not a part of a name: 银行 names no issuer (many names hold it), and a filter by it is refused
    /// rather than keeping every issuer whose name contains it.</remarks>
    public static string Resolve(string typed)
    {
        var text = typed.Trim();
        if (Short.TryGetValue(text, out var full) || Abbreviations.TryGetValue(text, out full)) return full;
        return Structure.IssuerNames.ToFullName(text.Replace("人大常委会", "人民代表大会常务委员会", StringComparison.Ordinal));
    }

    /// <summary>The names an indexed issuer answers to, in the filter and in the facet alike: its own, and that of the body
    /// whose general office it is or whose joint issue it leads (中国人民银行办公厅, 中国人民银行等十部门 → 中国人民银行): a
    /// notice of the office, or one signed with nine others, is the body's too.</summary>
    public static IReadOnlyList<string> AnswersTo(string indexed) =>
        LeadingBody().Match(indexed) is { Success: true } lead ? [indexed, lead.Groups[1].Value] : [indexed];

    [GeneratedRegex("^(.{2,}?)(?:办公厅|等[一二三四五六七八九十两百0-9]+(?:个)?(?:部门|部委|单位|机构))$")]
    private static partial Regex LeadingBody();
}
