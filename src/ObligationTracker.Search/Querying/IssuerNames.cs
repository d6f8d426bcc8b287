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

    /// <summary>Whether the indexed issuer matches what was typed: equal, containing it, or its short name.</summary>
    public static bool Matches(string indexed, string typed)
    {
        typed = typed.Trim();
        if (typed.Length == 0) return false;
        if (indexed.Contains(typed, StringComparison.Ordinal)) return true;
        return Short.TryGetValue(typed, out var full) && indexed.Contains(full, StringComparison.Ordinal);
    }
}
