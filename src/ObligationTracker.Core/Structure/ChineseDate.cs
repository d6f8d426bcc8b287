using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Structure;

/// <summary>A calendar date found in a text, with where it stands.</summary>
public readonly record struct DateMatch(DateOnly Date, int Index, int Length);

/// <summary>Reads dates as Chinese documents write them: 2025年3月1日, 2024年03月19日, 2018 年 11 月 30 日, 二〇二四年十二月二十七日.</summary>
public static partial class ChineseDate
{
    private const string YearPart = @"(?<y>[0-9０-９]{4}|[〇零○Ｏ一二三四五六七八九]{4})";
    private const string MonthPart = @"(?<m>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})";
    private const string DayPart = @"(?<d>[0-9０-９]{1,2}|[一二三四五六七八九十廿卅]{1,3})";

    /// <summary>The date pattern, for other patterns that embed it (自…起施行).</summary>
    public const string Pattern = YearPart + @"\s*年\s*" + MonthPart + @"\s*月\s*" + DayPart + @"\s*日";

    [GeneratedRegex(Pattern)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"^\s*" + Pattern + @"\s*$")]
    private static partial Regex WholeDateRegex();

    /// <summary>The date when <paramref name="text"/> is a date and nothing else (a signature's date line), else null.</summary>
    public static DateOnly? ParseExact(string text)
    {
        var m = WholeDateRegex().Match(text);
        return m.Success ? FromMatch(m) : null;
    }

    /// <summary>The first valid date in <paramref name="text"/>, or null.</summary>
    public static DateMatch? FindFirst(string text)
    {
        foreach (var match in FindAll(text)) return match;
        return null;
    }

    /// <summary>Every valid date in <paramref name="text"/>, in order; impossible dates (2月30日) are skipped.</summary>
    public static IEnumerable<DateMatch> FindAll(string text)
    {
        for (var m = DateRegex().Match(text); m.Success; m = m.NextMatch())
            if (FromMatch(m) is { } date) yield return new DateMatch(date, m.Index, m.Length);
    }

    /// <summary>The date held by a match of <see cref="Pattern"/> (groups y, m, d), or null when it does not exist.</summary>
    public static DateOnly? FromMatch(Match match)
    {
        if (!ChineseNumber.TryParse(match.Groups["y"].ValueSpan, out var y)
            || !ChineseNumber.TryParse(match.Groups["m"].ValueSpan, out var mo)
            || !ChineseNumber.TryParse(match.Groups["d"].ValueSpan, out var d))
            return null;
        if (y is < 1900 or > 2199 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        return new DateOnly(y, mo, d);
    }
}
