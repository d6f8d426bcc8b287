using System.Globalization;
using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Calendar;

/// <summary>Reads the State Council General Office's annual notice on the holiday arrangements (国务院办公厅关于XXXX年部分节假日安排的通知) into calendar days.</summary>
/// <remarks>
/// Each holiday is one numbered line in a fixed style: <c>二、春节：2月15日（周日）至23日（周一）放假调休，共9天。2月14日（周六）、
/// 2月28日（周六）上班。</c> Every day of a 放假 span is a holiday (weekends inside it included); every date in a sentence
/// that says 上班 is an adjusted working day. A span or date may carry its own year (2027年1月1日) when it crosses the
/// new year; otherwise the notice's year applies.
/// </remarks>
public static partial class HolidayNotice
{
    /// <summary>True when the text reads like the notice rather than the tab-separated holiday file.</summary>
    public static bool Looks(string text) => text.Contains("放假", StringComparison.Ordinal) && HolidayLine().IsMatch(text);

    /// <summary>The days the notice lists; <paramref name="year"/> defaults to the one in its title.</summary>
    /// <exception cref="FormatException">No year, no holiday line, or a 上班 date that is not a weekend.</exception>
    public static HolidayCalendar Parse(string text, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var y = year ?? (TitleYear().Match(text) is { Success: true } t ? int.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new FormatException("The notice's year is not in its title (XXXX年部分节假日安排): give --year."));
        var days = new Dictionary<DateOnly, CalendarDay>();
        foreach (Match line in HolidayLine().Matches(text))
        {
            var name = line.Groups["name"].Value.Trim();
            var body = line.Groups["body"].Value;
            foreach (var sentence in body.Split('。', StringSplitOptions.RemoveEmptyEntries))
            {
                if (sentence.Contains("放假", StringComparison.Ordinal) && Span().Match(sentence) is { Success: true } span)
                {
                    var from = Date(span.Groups["y1"], span.Groups["m1"], span.Groups["d1"], y, null);
                    var to = span.Groups["d2"].Success ? Date(span.Groups["y2"], span.Groups["m2"], span.Groups["d2"], from.Year, from.Month) : from;
                    if (to < from) throw new FormatException($"{name}: the span ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
                    for (var d = from; d <= to; d = d.AddDays(1)) days[d] = new CalendarDay(d, CalendarDayKind.Holiday, name);
                }

                if (sentence.Contains("上班", StringComparison.Ordinal))
                {
                    foreach (Match m in OneDate().Matches(sentence))
                    {
                        var d = Date(m.Groups["y"], m.Groups["m"], m.Groups["d"], y, null);
                        try
                        {
                            days[d] = new CalendarDay(d, CalendarDayKind.Workday, name);
                        }
                        catch (ArgumentException ex)
                        {
                            throw new FormatException($"{name}: {ex.Message}", ex);
                        }
                    }
                }
            }
        }

        if (days.Count == 0) throw new FormatException("No holiday line (一、元旦：…放假…) was found in the notice.");
        return new HolidayCalendar(days.Values);
    }

    private static DateOnly Date(Group year, Group month, Group day, int defaultYear, int? defaultMonth)
    {
        var y = year.Success ? int.Parse(year.Value, CultureInfo.InvariantCulture) : defaultYear;
        var m = month.Success ? int.Parse(month.Value, CultureInfo.InvariantCulture) : defaultMonth ?? throw new FormatException("A date has no month.");
        var d = int.Parse(day.Value, CultureInfo.InvariantCulture);
        try
        {
            return new DateOnly(y, m, d);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new FormatException($"{y}年{m}月{d}日 is not a date.", ex);
        }
    }

    [GeneratedRegex(@"(\d{4})年部分节假日安排")]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"^\s*[一二三四五六七八九十]+、(?<name>[^：:\n]{1,20})[：:](?<body>.+)$", RegexOptions.Multiline)]
    private static partial Regex HolidayLine();

    [GeneratedRegex(@"(?:(?<y1>\d{4})年)?(?<m1>\d{1,2})月(?<d1>\d{1,2})日(?:（[^）]*）)?(?:至(?:(?<y2>\d{4})年)?(?:(?<m2>\d{1,2})月)?(?<d2>\d{1,2})日(?:（[^）]*）)?)?")]
    private static partial Regex Span();

    [GeneratedRegex(@"(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?<d>\d{1,2})日")]
    private static partial Regex OneDate();
}
