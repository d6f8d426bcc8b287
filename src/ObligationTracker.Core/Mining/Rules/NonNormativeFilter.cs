using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Mining.Rules;

/// <summary>
/// Units that are not provisions though a marker may appear (ANNOTATING.md rule 3): definitions, the regulation's
/// purpose, its scope, entry into force, repeal and interpretation clauses.
/// </summary>
public static partial class NonNormativeFilter
{
    /// <summary>True for a unit that defines, states purpose or scope, or brings the regulation into force.</summary>
    public static bool IsExcluded(string unit) =>
        (ContainsAny(unit, "所称", "是指", "含义") && DefinitionRegex().IsMatch(unit))
        || IsPurposeStatement(unit)
        || (ContainsAny(unit, "施行", "实施", "生效", "废止", "解释") && EntryIntoForceRegex().IsMatch(unit))
        || IsScopeStatement(unit)
        || (unit.Contains("另有规定", StringComparison.Ordinal) && DeferenceRegex().IsMatch(unit))
        || unit.Count(c => c == '|') >= 2; // a table row (…| 91天至270天|…), not a sentence

    // Cheap literal checks first: most units are none of these, and the patterns would be tried at every position.
    private static bool ContainsAny(string unit, string a, string b, string? c = null, string? d = null, string? e = null) =>
        unit.Contains(a, StringComparison.Ordinal) || unit.Contains(b, StringComparison.Ordinal)
        || (c is not null && unit.Contains(c, StringComparison.Ordinal)) || (d is not null && unit.Contains(d, StringComparison.Ordinal))
        || (e is not null && unit.Contains(e, StringComparison.Ordinal));

    /// <summary>The regulation's statement of purpose and basis (为了规范…，根据…，制定本办法。), which restates its title.</summary>
    public static bool IsPurposeStatement(string unit) =>
        (unit.StartsWith('为') || unit.StartsWith("根据", StringComparison.Ordinal)) && PurposeRegex().IsMatch(unit);

    /// <summary>True for items that list situations (出现下列情形之一的…：), which describe cases rather than impose duties.</summary>
    public static bool ListsSituations(string leadIn) => SituationLeadInRegex().IsMatch(leadIn);

    /// <summary>A statement of who or what the regulation covers (本办法适用于…, 参照本办法执行, …应当遵守本办法的规定).</summary>
    public static bool IsScopeStatement(string unit) =>
        ContainsAny(unit, "适用", "参照", "遵守") && ScopeRegex().IsMatch(unit);

    /// <summary>An exception or deference clause (…另有规定的除外。), which names a party without binding it.</summary>
    public static bool IsException(string unit) => ExceptionRegex().IsMatch(unit);

    /// <summary>A unit that only names a residual category (其他…的情形), as the last item of a list does.</summary>
    public static bool IsResidualItem(Provision unit) =>
        unit.IsItem && ResidualRegex().IsMatch(unit.Analysed);

    private const string Self = "(?:本|该)(?:办法|规定|指引|规程|细则|通知|意见|准则|制度|规则|条例)";

    [GeneratedRegex("^" + Self + "所称|^[^，。；]{0,30}" + Self + "所称|所称[^，。；]{1,30}?(?:，)?(?:是指|指)|^[^，。；]{1,25}(?:，)?是指|下列用语的含义|以下简称[^）)]*[）)]?[^，。；]{0,4}是指")]
    private static partial Regex DefinitionRegex();

    // A law says 制定本法.
    [GeneratedRegex("^(?:为|根据)[^。]*制定(?:" + Self + "|本法)")]
    private static partial Regex PurposeRegex();

    [GeneratedRegex(Self + "(?:自|于)[^。；]{0,30}(?:施行|实施|生效)|自(?:公布|发布|印发)之日起(?:施行|实施|生效)|同时废止|" + Self + "由[^。；]{0,30}(?:负责)?解释")]
    private static partial Regex EntryIntoForceRegex();

    [GeneratedRegex(Self + "适用于|适用" + Self + "|参照" + Self + "|参照适用|参照执行|" + Self + "不适用|遵守" + Self + "(?:的)?规定[。；]?$")]
    private static partial Regex ScopeRegex();

    // 另有规定的，从其规定 / 应当依法遵守其规定: deference to other rules, not a duty of its own.
    [GeneratedRegex("^[^。；]{0,30}另有规定的，(?:应当)?(?:依法)?(?:遵守|适用|依照|按照|从)其规定[。；]?$")]
    private static partial Regex DeferenceRegex();

    [GeneratedRegex("(?<!按|按照|根据|依照)(?:下列|以下|如下)[^，。；：]{0,6}(?:情形|情况|行为|事件)(?:之一)?(?:的)?[，,：:]")]
    private static partial Regex SituationLeadInRegex();

    [GeneratedRegex("(?:除外|从其规定|另有规定)[。；]?$")]
    private static partial Regex ExceptionRegex();

    [GeneratedRegex("^其他[^，。；]*的[^，。；]{0,12}[。；]?$")]
    private static partial Regex ResidualRegex();
}
