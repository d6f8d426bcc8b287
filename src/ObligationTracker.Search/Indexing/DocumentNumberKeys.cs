using System.Text.RegularExpressions;
using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Search.Indexing;

/// <summary>Exact matching of document numbers (文号) however they are typed: 金规〔2024〕24号, 金规[2024]24号,
/// 金规（2024）24号, 国家金融监督管理总局令2024年第7号, 中国人民银行令〔2021〕第3号, 国务院令第107号, 285号令.</summary>
/// <remarks>
/// A number reduces to prefix|year|serial. The index holds a key for every suffix of the prefix (at least two
/// characters), so a query may name the issuer short or long (证监会令, 中国证监会令); a query key from a longer common
/// suffix is a stronger match.
/// </remarks>
internal static partial class DocumentNumberKeys
{
    public const int MinimumPrefix = 2;

    [GeneratedRegex(@"(?<p>[\p{IsCJKUnifiedIdeographs}a-z]*)\s*[〔\[【(]\s*(?<y>\d{4})\s*[〕\]】)]\s*第?\s*(?<n>\d+)\s*号")]
    private static partial Regex Bracketed();

    /// <summary>How a document number's prefix ends (银发, 金规, …函, …字, 总局令, 人民银行公告): where a number is typed
    /// without 号 or year first, only such a prefix makes it one. The query syntax asks the same before round brackets.</summary>
    internal const string PrefixEnding = "(?:发|规|函|字|令|公告)";

    /// <summary>Bracketed without the closing 号, as people also type it (银发[2023]208, 金规〔2024〕24 数据安全): only after a
    /// prefix that ends as document-number prefixes do, so that （2024）5个工作日 is no number.</summary>
    [GeneratedRegex(@"(?<p>[\p{IsCJKUnifiedIdeographs}a-z]*" + PrefixEnding + @")\s*[〔\[【(]\s*(?<y>\d{4})\s*[〕\]】)]\s*第?\s*(?<n>\d+)(?![\d号])")]
    private static partial Regex BracketedWithoutHao();

    /// <summary>The kind written after the number, as people say it: 285号令, 2022年第1号令, 2015年第43号公告, and with the
    /// year first: 2021年人民银行第1号令 (<c>y0</c>).</summary>
    [GeneratedRegex(@"(?:(?<y0>\d{4})\s*年\s*)?(?<p>[\p{IsCJKUnifiedIdeographs}a-z]*?)\s*(?:(?<y>\d{4})\s*年\s*)?第?\s*(?<n>\d+)\s*号(?<k>令|公告)")]
    private static partial Regex KindAfter();

    /// <summary>The issuer after the number too: 第629号国务院令, 2022年第1号人民银行令, 629号国务院令; the issuer ends as
    /// issuers do (院, 行, 会, 局, 部, 委), so 5号文件所称命令 is no number.</summary>
    [GeneratedRegex(@"(?:(?<y>\d{4})\s*年\s*)?第?\s*(?<n>\d+)\s*号\s*(?<p>[\p{IsCJKUnifiedIdeographs}]{0,10}?[院行会局部委])(?<k>令|公告)")]
    private static partial Regex IssuerAfter();

    /// <summary>The year written out: 2024年第7号, and without 第 as people also type it: 银发2025年205号; or the year bare
    /// before 第 or a separator: 人民银行令2009第2号, 银发1997 393号, 银发2016-29号 (with nothing between, 20092号 would not
    /// say where the year ends).</summary>
    [GeneratedRegex(@"(?<p>[\p{IsCJKUnifiedIdeographs}a-z]*)\s*(?<y>(?:19|20)\d{2})(?:\s*(?:年\s*(?:度\s*)?第?|第)|\s*[-/]\s*|\s+)\s*(?<n>\d+)\s*号")]
    private static partial Regex YearOrdinal();

    /// <summary>The year first, then the issuer's prefix: 2023年银发208号, 2024年金规24号, 2021年人民银行令第1号, as people
    /// also say it (the year is <c>y0</c>, as in <see cref="KindAfter"/>). The prefix must end as document-number prefixes
    /// do (<see cref="PrefixEnding"/>), so that 2024年 and a number further on (2024年第二批5号) make none.</summary>
    [GeneratedRegex(@"(?<y0>(?:19|20)\d{2})\s*年\s*(?<p>[\p{IsCJKUnifiedIdeographs}]{0,40}?" + PrefixEnding + @")\s*第?\s*(?<n>\d+|[零〇一二三四五六七八九十百千]+)\s*号")]
    private static partial Regex YearFirst();

    /// <summary>An order by its serial alone: 国务院令第107号, and without 第 as people also type it: 国务院令285号.</summary>
    [GeneratedRegex(@"(?<p>[\p{IsCJKUnifiedIdeographs}a-z]*?令)\s*第?\s*(?<n>[\d零〇一二三四五六七八九十百千]+)\s*号")]
    private static partial Regex Ordinal();

    /// <summary>An order by its serial without the closing 号, as people also type it: 国务院令第193, 国务院令285. Only after an
    /// issuer's order (…院令, …行令, …会令, …局令, …部令, …委令, 主席令), so that 责令第3项 is no number.</summary>
    [GeneratedRegex(@"(?<p>[\p{IsCJKUnifiedIdeographs}a-z]*?[院行会局部委席]令)\s*第?\s*(?<n>\d+)(?![\d号年])")]
    private static partial Regex OrdinalWithoutHao();

    /// <summary>Keys to index for a regulation's document number.</summary>
    public static IReadOnlyList<string> ForIndex(string? documentNumber)
    {
        if (string.IsNullOrWhiteSpace(documentNumber)) return [];
        var text = TextNormalizer.Fold(documentNumber).Replace(" ", "", StringComparison.Ordinal);
        var colon = text.IndexOfAny(['：', ':']);
        if (colon >= 0) text = text[(colon + 1)..];
        var keys = new List<string>();
        foreach (var found in Find(text))
        {
            keys.AddRange(found.Keys.Select(k => k.Key));
            keys.Add(Key("", found.Year, found.Serial));
        }

        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The year a document number bears (2016 of 银发〔2016〕29号), or null where it has none (国务院令第282号).</summary>
    public static int? YearOf(string? documentNumber) =>
        string.IsNullOrWhiteSpace(documentNumber) ? null
        : Find(documentNumber).Select(f => int.TryParse(f.Year, out var year) ? year : (int?)null).FirstOrDefault(y => y is not null);

    /// <summary>Document numbers in a query: where they stand and their keys, longest prefix first.</summary>
    public static IReadOnlyList<FoundNumber> Find(string text)
    {
        var folded = TextNormalizer.Fold(text);
        var found = new List<FoundNumber>();
        foreach (var regex in new[] { Bracketed(), BracketedWithoutHao(), KindAfter(), IssuerAfter(), YearOrdinal(), YearFirst(), Ordinal(), OrdinalWithoutHao() })
        {
            foreach (Match m in regex.Matches(folded))
            {
                if (found.Any(f => m.Index < f.Start + f.Length && f.Start < m.Index + m.Length)) continue;
                // A year in front of the prefix (y0): 2023年银发208号, 2021年人民银行第1号令.
                var yearFirst = m.Groups["y0"].Success;
                var year = m.Groups["y"].Success ? m.Groups["y"].Value : m.Groups["y0"].Value; // "" where neither matched
                var serial = ParseSerial(m.Groups["n"].Value);
                if (serial is null) continue;
                var prefix = m.Groups["p"].Value + (m.Groups["k"].Success ? m.Groups["k"].Value : "");
                var keys = Suffixes(prefix, year, serial);
                if (prefix.EndsWith('令'))
                {
                    // An order (…令) is also known by its kind alone: 2022年第1号令, 285号令.
                    keys.Add((Key("令", year, serial), 1));
                    // Orders of the State Council and the President are numbered without a year (国务院令第260号): typed
                    // with the year they were issued in front, they are still known by prefix and serial alone.
                    if (yearFirst) keys.AddRange(Suffixes(prefix, "", serial));
                }
                // Nothing of the prefix stands before the year: the words before the number are the topic's.
                found.Add(new FoundNumber(m.Index, m.Length, year, serial, keys) { Lead = yearFirst ? 0 : m.Groups["p"].Length });
            }
        }

        return found.OrderBy(f => f.Start).ToList();
    }

    /// <summary>The keys of the prefix and of each of its suffixes down to <see cref="MinimumPrefix"/>, longest first.</summary>
    private static List<(string Key, int PrefixLength)> Suffixes(string prefix, string year, string serial)
    {
        var keys = new List<(string, int)>();
        for (var start = 0; prefix.Length - start >= MinimumPrefix; start++) keys.Add((Key(prefix[start..], year, serial), prefix.Length - start));
        return keys;
    }

    public static string Key(string prefix, string year, string serial) => $"{prefix}|{year}|{serial}";

    private static string? ParseSerial(string digits)
    {
        // Kept as digits, not parsed into an int: a serial typed long (第99999999999999号) is no number we hold, not an overflow.
        if (digits.All(char.IsAsciiDigit)) return WithoutLeadingZeros(digits);
        const string Numerals = "零一二三四五六七八九";
        if (digits.IndexOfAny(['十', '百', '千']) < 0) // 一一九 is read digit by digit
            return WithoutLeadingZeros(string.Concat(digits.Select(c => c == '〇' ? '0' : (char)('0' + Numerals.IndexOf(c)))));
        var value = 0;
        var section = 0;
        var current = 0;
        foreach (var c in digits)
        {
            var d = Numerals.IndexOf(c);
            if (c == '〇') d = 0;
            if (d >= 0)
            {
                current = d;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0) return null;
            section += (current == 0 && unit == 10 ? 1 : current) * unit;
            current = 0;
        }

        value += section + current;
        return value > 0 ? value.ToString() : null;
    }

    private static string WithoutLeadingZeros(string digits) => digits.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";

    /// <summary>A document number found in text.</summary>
    /// <param name="Keys">Each key with the length of its prefix (a longer common prefix is a stronger match).</param>
    public sealed record FoundNumber(int Start, int Length, string Year, string Serial, IReadOnlyList<(string Key, int PrefixLength)> Keys)
    {
        /// <summary>Characters of the prefix written before the year or serial (the issuer, and any topic glued to it).</summary>
        public int Lead { get; init; }
    }
}
