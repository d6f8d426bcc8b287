namespace ObligationTracker.Search.Querying;

/// <summary>Short names of issuers as people type them, for the issuer filter.</summary>
internal static class IssuerNames
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

    /// <summary>Whether the text is an issuer's name or short name (人民银行, 银监会, 国务院).</summary>
    public static bool IsName(string text) => Names.Contains(text, StringComparer.Ordinal);

    /// <summary>The longest issuer name the text ends with (数据安全银监会 → 银监会), or null.</summary>
    public static string? NameEnding(string text) => Names.FirstOrDefault(n => text.EndsWith(n, StringComparison.Ordinal));

    /// <summary>Whether the indexed issuer matches what was typed: equal, containing it, or its short name.</summary>
    public static bool Matches(string indexed, string typed)
    {
        typed = typed.Trim();
        if (typed.Length == 0) return false;
        if (indexed.Contains(typed, StringComparison.Ordinal)) return true;
        return Short.TryGetValue(typed, out var full) && indexed.Contains(full, StringComparison.Ordinal);
    }
}
