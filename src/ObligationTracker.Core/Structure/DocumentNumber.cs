using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Structure;

/// <summary>Finds and normalises document numbers (文号): 金规〔2024〕24号, 银保监发〔2021〕14号, 国家金融监督管理总局令2024年第7号,
/// 中国人民银行令〔2021〕第3号, 中华人民共和国国务院令第660号.</summary>
/// <remarks>The year bracket is written 〔〕, [], （）, () or 【】 in the wild; it is normalised to 〔〕 (the form GB/T 9704 prescribes).</remarks>
public static partial class DocumentNumber
{
    // 令 and 公告 numbers: issuer(s), 令/公告, year (bracketed, or with 年), 第N号.
    private static readonly Regex OrderRegex = new(
        @"(?<org>(?:" + IssuerNames.Pattern + @")(?:\s*(?:" + IssuerNames.Pattern + @"))*)\s*(?<kind>令|公告)\s*(?<year>〔\d{4}〕|\d{4}\s*年)\s*第\s*(?<n>\d+)\s*号",
        RegexOptions.Compiled);

    // 主席令 and 国务院令 are numbered without a year, sometimes in Chinese numerals: 主席令第九十一号.
    [GeneratedRegex(@"(?<org>中华人民共和国)?(?<kind>主席|国务院)令\s*第\s*(?<n>[0-9一二三四五六七八九十百零〇]+)\s*号")]
    private static partial Regex StateOrderRegex();

    // Agency numbers: a prefix of a few characters ending the way prefixes end, 〔year〕, N号. The prefix excludes the
    // characters a heading glued in front of it ends with (…指引的通知银保监发〔2018〕22号).
    [GeneratedRegex(@"(?<prefix>[\u4e00-\u9fff-[的知见则引法定通于与和及印]]{1,7}?[发规函字令办复])\s*〔(?<year>\d{4})〕\s*(?<n>\d+)\s*号")]
    private static partial Regex AgencyRegex();

    // A year in any of the bracket pairs, to be rewritten with 〔〕.
    [GeneratedRegex(@"[\[［【(（〔]\s*(\d{4})\s*[\]］】)）〕]")]
    private static partial Regex BracketedYearRegex();

    // A number that lost its issuer to the previous line: (2015)第13号, 2024年第1号.
    [GeneratedRegex(@"^(?:〔\d{4}〕|\d{4}\s*年)\s*第\s*\d+\s*号$")]
    private static partial Regex BareNumberRegex();

    /// <summary>Rewrites bracketed years (银发[2021]198号, 银发（2021）198号) with 〔〕.</summary>
    public static string NormaliseBrackets(string text) =>
        text.IndexOfAny(['[', '［', '【', '(', '（']) < 0 ? text : BracketedYearRegex().Replace(text, "〔$1〕");

    /// <summary>The first document number in <paramref name="text"/>, normalised, or null.</summary>
    public static string? Find(string text)
    {
        if (!text.Contains('号')) return null;
        text = NormaliseBrackets(text);
        Match? best = null;
        string? value = null;
        foreach (var candidate in Candidates(text))
            if (best is null || candidate.Match.Index < best.Index) (best, value) = (candidate.Match, candidate.Value);
        return value;
    }

    /// <summary>True when <paramref name="line"/> is a number whose issuer and kind stand on the line before: 〔2015〕第13号.</summary>
    public static bool IsBareNumber(string line) => BareNumberRegex().IsMatch(NormaliseBrackets(line.Trim()));

    private static IEnumerable<(Match Match, string Value)> Candidates(string text)
    {
        var order = OrderRegex.Match(text);
        if (order.Success)
        {
            var org = Regex.Replace(order.Groups["org"].Value.Trim(), @"\s+", " ");
            var year = order.Groups["year"].Value.Replace(" ", "", StringComparison.Ordinal);
            yield return (order, $"{org}{order.Groups["kind"].Value}{year}第{order.Groups["n"].Value}号");
        }

        var state = StateOrderRegex().Match(text);
        if (state.Success)
            yield return (state, $"{state.Groups["org"].Value}{state.Groups["kind"].Value}令第{state.Groups["n"].Value}号");

        var agency = AgencyRegex().Match(text);
        if (agency.Success)
            yield return (agency, $"{agency.Groups["prefix"].Value}〔{agency.Groups["year"].Value}〕{agency.Groups["n"].Value}号");
    }
}
