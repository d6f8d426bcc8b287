using System.Text.RegularExpressions;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Mining.Deadlines;

/// <summary>
/// A repeated duty (每年, 每季度, 按年, 年度报告, 至少每三年, 每2小时), with a due day (每年4月30日前) or an offset after the
/// period's end (每季度结束后15个工作日内, 年度结束后四个月内, 每月前5个工作日内). The earliest in the unit wins.
/// </summary>
public sealed partial class RecurringDeadlineRule : DeadlineRule
{
    public override int Rank => 2;

    public override (int Index, Deadline Deadline)? Find(DeadlineInput input)
    {
        var text = input.Text;
        var earliest = new EarliestDeadline();

        foreach (Match m in DueDayRegex().Matches(text))
        {
            var month = ChineseNumber.Parse(m.Groups["m"].Value);
            var day = ChineseNumber.Parse(m.Groups["d"].Value);
            if (month is >= 1 and <= 12 && day is >= 1 and <= 31)
                earliest.Consider(m.Index, Deadline.Recurring(Frequency.Annual, due: $"{month:00}-{day:00}"));
        }

        foreach (Match m in PeriodEndRegex().Matches(text))
            if (Period(m.Groups["n"].Value, m.Groups["unit"].Value) is { } p)
                earliest.Consider(m.Index, Deadline.Recurring(FrequencyOf(m.Groups["period"].Value), offset: p.Offset, workingDays: p.WorkingDays));

        foreach (Match m in EveryNRegex().Matches(text))
        {
            var n = ChineseNumber.Parse(m.Groups["n"].Value);
            if (n is not > 0) continue;
            var unit = m.Groups["unit"].Value;
            if (unit == "年") earliest.Consider(m.Index, n == 1 ? Deadline.Recurring(Frequency.Annual) : Deadline.Recurring(Frequency.EveryNYears, years: n));
            else if (unit is "小时" or "个小时") earliest.Consider(m.Index, Deadline.Recurring(Frequency.EveryNHours, hours: n));
            else if (unit is "个月" or "月") earliest.Consider(m.Index, n switch { 1 => Deadline.Recurring(Frequency.Monthly), 3 => Deadline.Recurring(Frequency.Quarterly), 6 => Deadline.Recurring(Frequency.Semiannual), 12 => Deadline.Recurring(Frequency.Annual), _ => null });
        }

        foreach (Match m in CycleRegex().Matches(text))
        {
            var n = ChineseNumber.Parse(m.Groups["n"].Value);
            earliest.Consider(m.Index, (m.Groups["unit"].Value, n) switch
            {
                ("年", 1) or ("个月" or "月", 12) => Deadline.Recurring(Frequency.Annual),
                ("个月" or "月", 6) => Deadline.Recurring(Frequency.Semiannual),
                ("个月" or "月", 3) => Deadline.Recurring(Frequency.Quarterly),
                ("个月" or "月", 1) => Deadline.Recurring(Frequency.Monthly),
                _ => null,
            });
        }

        foreach (Match m in FrequencyRegex().Matches(text))
            earliest.Consider(m.Index, Deadline.Recurring(FrequencyOf(m.Value)));

        return earliest.Best;
    }

    private static Frequency FrequencyOf(string word)
    {
        if (word.Contains("半年", StringComparison.Ordinal)) return Frequency.Semiannual;
        if (word.Contains('季', StringComparison.Ordinal)) return Frequency.Quarterly;
        if (word.Contains('周', StringComparison.Ordinal) || word.Contains("星期", StringComparison.Ordinal)) return Frequency.Weekly;
        if (word.Contains('日', StringComparison.Ordinal) || word.Contains('天', StringComparison.Ordinal)) return Frequency.Daily;
        if (word.Contains('月', StringComparison.Ordinal)) return Frequency.Monthly;
        return Frequency.Annual;
    }

    [GeneratedRegex("每(?:一)?年(?:度)?(?<m>" + Num + ")月(?<d>" + Num + ")日(?:前|之前|以前)")]
    private static partial Regex DueDayRegex();

    [GeneratedRegex("(?:每(?:个|一)?)?(?<period>年度|会计年度|半年度|半年|季度|月度|月)(?:结束|终了|末)后(?:的)?(?<n>" + Num + ")" + Unit + "(?:内|以内)|每(?<period>月|季度|年)(?:前|初)(?<n>" + Num + ")" + Unit + "(?:内|以内)?")]
    private static partial Regex PeriodEndRegex();

    [GeneratedRegex("(?:至少)?每(?:隔)?(?<n>" + Num + ")(?<unit>年|个小时|小时|个月)")]
    private static partial Regex EveryNRegex();

    [GeneratedRegex("(?:周期|间隔)(?:不超过|不得超过|不长于|最长为?)(?<n>" + Num + ")(?<unit>年|个月|月)")]
    private static partial Regex CycleRegex();

    [GeneratedRegex("每(?:一|个)?(?:半年度?|季度?|年度?|月度?|周|星期|日|天|工作日|交易日)|逐日|按(?:年度?|半年度?|季度?|月度?|周|日)(?!均|化|龄|份|利率)|(?<!上一?|本|当|累计|跨)年度(?:报告|[^，。；累]{0,10}报告)|年报(?:中|内)?(?:披露|报送)|半年度报告|季度报告|月度报告|一年一次|每年一次")]
    private static partial Regex FrequencyRegex();
}
