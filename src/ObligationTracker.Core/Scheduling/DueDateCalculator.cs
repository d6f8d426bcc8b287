using System.Globalization;
using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Mining.Deadlines;

namespace ObligationTracker.Core.Scheduling;

/// <summary>Turns a deadline into the concrete dates by which it must be met, on the Chinese working-day calendar.</summary>
/// <remarks>
/// <para>Counting a period (民法典 第二百零一条): 按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算 — so
/// 之日起15日内 counted from 1 March ends on 16 March (the anchor plus 15 days), and 后15个工作日内 counts working days
/// from the day after the anchor.</para>
/// <para>Months and years (第二百零二条): the period ends on the corresponding day of the last month, or on that month's
/// last day when it has none — 年度结束后四个月内 from 31 December ends on 30 April; 自1月31日起一个月 ends on 28/29 February.</para>
/// <para>A limit in calendar days, months or years whose last day is a 法定休假日 (weekends included, the State Council's
/// adjusted working weekends excluded) ends on the next working day (第二百零三条). We apply the same move to fixed
/// dates (每年4月30日前, 于2025年12月31日前), as regulators accept a filing on the next working day, and show the
/// original day next to it. A limit counted back from an event (签署前二十日) moves to the previous working day instead,
/// the cautious direction. Working-day limits never move: they end on a working day by construction.</para>
/// <para>A recurring duty exists from the regulation's 施行 date (its 发布 date when it names none): no occurrence falls
/// before it. A fixed yearly day (每年4月30日前) before that date is not due; a period (a quarter, a year) is due when it
/// ends on or after that date, even if it began earlier — the cautious reading of a report on a period the rule was in
/// force for only in part.</para>
/// <para>Hours (24小时内) run through holidays; a limit in hours is due on the day the hours end, rounded up.</para>
/// <para>A year the holiday calendar does not cover is counted Monday–Friday and every date that depends on it is
/// provisional (<see cref="DueDate.IsProvisional"/>).</para>
/// </remarks>
public sealed class DueDateCalculator
{
    private readonly HolidayCalendar _calendar;

    public DueDateCalculator(HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
    }

    public HolidayCalendar Calendar => _calendar;

    /// <summary>The due dates of <paramref name="deadline"/> that fall between <paramref name="from"/> and <paramref name="to"/> inclusive.</summary>
    public DueDateResult Compute(Deadline deadline, DueDateAnchors anchors, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(anchors);
        if (to < from) throw new ArgumentException($"The window ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        return deadline.Kind switch
        {
            DeadlineKind.Absolute => Window([Fixed(deadline.Date!.Value, "于" + Iso(deadline.Date.Value) + "前")], from, to),
            DeadlineKind.Relative => Relative(deadline, anchors, from, to),
            DeadlineKind.Recurring => Recurring(deadline, anchors, from, to),
            DeadlineKind.Event => Event(deadline, anchors, from, to),
            _ => DueDateResult.Without(UndatedReason.Vague, $"vague time limit「{deadline.Phrase}」: review and set a date by hand"),
        };
    }

    /// <summary>The first due date on or after <paramref name="from"/>, looking at most <paramref name="horizonDays"/> ahead.</summary>
    public DueDate? Next(Deadline deadline, DueDateAnchors anchors, DateOnly from, int horizonDays = 800)
    {
        var dates = Compute(deadline, anchors, from, from.AddDays(horizonDays)).Dates;
        return dates.Count > 0 ? dates[0] : null;
    }

    /// <summary>Counts <paramref name="offset"/> (ISO 8601: P15D, P6M, P1Y, P2W, PT24H) from <paramref name="anchor"/>.</summary>
    public DueDate Count(DateOnly anchor, string offset, bool workingDays, bool before, string basis)
    {
        var (n, unit) = ParseOffset(offset);
        var sign = before ? -1 : 1;
        if (unit is 'H' or 'm')
        {
            var days = unit == 'H' ? (n + 23) / 24 : (n + 1439) / 1440;
            return new DueDate(anchor.AddDays(sign * days), basis, []);
        }

        if (workingDays && unit == 'D')
        {
            var counted = _calendar.AddWorkingDays(anchor, sign * n);
            return new DueDate(counted.Date, basis, counted.UncoveredYears);
        }

        var raw = unit switch
        {
            'D' => anchor.AddDays(sign * n),
            'W' => anchor.AddDays(sign * 7 * n),
            'M' => anchor.AddMonths(sign * n),
            _ => anchor.AddYears(sign * n),
        };
        return Shift(raw, basis, backwards: before);
    }

    private DueDateResult Relative(Deadline d, DueDateAnchors anchors, DateOnly from, DateOnly to)
    {
        var (anchor, name) = d.Anchor == DeadlineAnchor.IssueDate ? (anchors.IssueDate, "发布") : (anchors.EffectiveDate, "施行");
        if (anchor is not { } a)
            return DueDateResult.Without(UndatedReason.MissingAnchor, $"counted from the regulation's {name} date, which is not known: set it on the regulation");
        return Window([Count(a, d.Offset!, d.WorkingDays, before: false, $"{name}之日({Iso(a)})起{Describe(d.Offset!, d.WorkingDays)}")], from, to);
    }

    private DueDateResult Event(Deadline d, DueDateAnchors anchors, DateOnly from, DateOnly to)
    {
        if (anchors.Events.Count == 0)
            return DueDateResult.Without(UndatedReason.AwaitingEvent, $"due once「{d.Event}」happens: record its date with 'ot event'");
        var dates = anchors.Events.Distinct().Order()
            .Select(e => Count(e, d.Offset!, d.WorkingDays, d.Before, $"{d.Event}({Iso(e)}){(d.Before ? "前" : "后")}{Describe(d.Offset!, d.WorkingDays)}"))
            .ToList();
        return Window(dates, from, to);
    }

    private DueDateResult Recurring(Deadline d, DueDateAnchors anchors, DateOnly from, DateOnly to)
    {
        var frequency = d.Frequency!.Value;
        if (frequency is Frequency.Daily or Frequency.EveryNHours)
            return DueDateResult.Without(UndatedReason.Continuous, "a daily or hourly duty is continuous: no due date to remind of");
        if (frequency == Frequency.EveryNYears)
        {
            if ((anchors.LastDone ?? anchors.EffectiveDate ?? anchors.IssueDate) is not { } start)
                return DueDateResult.Without(UndatedReason.MissingAnchor, $"every {d.Years} years from a start that is not known: record when it was last done");
            var list = new List<DueDate>();
            for (var k = 1; start.AddYears(k * d.Years!.Value) <= to.AddYears(1) && k < 1000; k++)
                list.Add(Fixed(start.AddYears(k * d.Years.Value), $"每{d.Years}年(自{Iso(start)})"));
            return Window(list, from, to);
        }

        var inForce = anchors.EffectiveDate ?? anchors.IssueDate ?? DateOnly.MinValue;
        var dates = new List<DueDate>();
        for (var year = from.Year - 1; year <= to.Year + 1; year++)
        {
            if (d.Due is { } due && frequency == Frequency.Annual)
            {
                var month = int.Parse(due[..2], CultureInfo.InvariantCulture);
                var day = Math.Min(int.Parse(due[3..], CultureInfo.InvariantCulture), DateTime.DaysInMonth(year, month));
                var date = new DateOnly(year, month, day);
                if (date >= inForce) dates.Add(Fixed(date, $"每年{month}月{day}日前"));
                continue;
            }

            foreach (var (end, label) in PeriodEnds(frequency, year))
            {
                if (end < inForce) continue;
                var result = d.Offset is { } offset
                    ? Count(end, offset, d.WorkingDays, before: false, $"{label}结束后{Describe(offset, d.WorkingDays)}")
                    : Fixed(end, $"{label}结束前");
                dates.Add(result with { PeriodEnd = end });
            }
        }

        return Window(dates, from, to);
    }

    private static IEnumerable<(DateOnly End, string Label)> PeriodEnds(Frequency frequency, int year)
    {
        switch (frequency)
        {
            case Frequency.Annual:
                yield return (new DateOnly(year, 12, 31), $"{year}年度");
                break;
            case Frequency.Semiannual:
                yield return (new DateOnly(year, 6, 30), $"{year}上半年");
                yield return (new DateOnly(year, 12, 31), $"{year}下半年");
                break;
            case Frequency.Quarterly:
                for (var q = 1; q <= 4; q++) yield return (new DateOnly(year, q * 3, 1).AddMonths(1).AddDays(-1), $"{year}Q{q}");
                break;
            case Frequency.Monthly:
                for (var m = 1; m <= 12; m++) yield return (new DateOnly(year, m, DateTime.DaysInMonth(year, m)), $"{year}-{m:00}");
                break;
            case Frequency.Weekly:
                for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
                    if (day.DayOfWeek == DayOfWeek.Sunday) yield return (day, $"{day:yyyy-MM-dd}周");
                break;
        }
    }

    private DueDate Fixed(DateOnly date, string basis) => Shift(date, basis, backwards: false);

    /// <summary>Moves a calendar-day limit off a non-working day (民法典 第二百零三条) and notes uncovered years.</summary>
    private DueDate Shift(DateOnly raw, string basis, bool backwards)
    {
        var uncovered = new SortedSet<int>();
        var date = raw;
        if (!_calendar.Covers(date.Year)) uncovered.Add(date.Year);
        while (!_calendar.IsWorkingDay(date))
        {
            date = date.AddDays(backwards ? -1 : 1);
            if (!_calendar.Covers(date.Year)) uncovered.Add(date.Year);
        }

        return new DueDate(date, basis, uncovered.ToArray(), date == raw ? null : raw);
    }

    private static DueDateResult Window(IEnumerable<DueDate> dates, DateOnly from, DateOnly to) =>
        DueDateResult.Of(dates.Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToList());

    private static (int N, char Unit) ParseOffset(string offset)
    {
        // Deadline validated it: P<n><Y|M|W|D> or PT<n><H|M>; minutes are told apart from months by the T.
        var time = offset.StartsWith("PT", StringComparison.Ordinal);
        var digits = offset[(time ? 2 : 1)..^1];
        var unit = offset[^1];
        return (int.Parse(digits, CultureInfo.InvariantCulture), time && unit == 'M' ? 'm' : unit);
    }

    private static string Describe(string offset, bool workingDays)
    {
        var (n, unit) = ParseOffset(offset);
        return unit switch
        {
            'D' => workingDays ? $"{n}个工作日" : $"{n}日",
            'W' => $"{n}周",
            'M' => $"{n}个月",
            'Y' => $"{n}年",
            'H' => $"{n}小时",
            _ => $"{n}分钟",
        };
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
