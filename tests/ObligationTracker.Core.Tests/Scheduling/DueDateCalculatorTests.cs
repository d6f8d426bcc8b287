using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Mining.Deadlines;
using ObligationTracker.Core.Scheduling;
using Xunit;

namespace ObligationTracker.Core.Tests.Scheduling;

public class DueDateCalculatorTests
{
    private static readonly DueDateCalculator Calculator = new(HolidayCalendar.Default);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static IReadOnlyList<DueDate> Dates(Deadline deadline, DueDateAnchors anchors, DateOnly from, DateOnly to)
    {
        var result = Calculator.Compute(deadline, anchors, from, to);
        Assert.Equal(UndatedReason.None, result.Undated);
        return result.Dates;
    }

    [Fact]
    public void Recurring_QuarterlyFifteenWorkingDays_CountsFromTheDayAfterQuarterEndSkippingQingming()
    {
        var dates = Dates(Deadline.Recurring(Frequency.Quarterly, offset: "P15D", workingDays: true), DueDateAnchors.None, D(2025, 1, 1), D(2025, 12, 31));

        // Q4 2024 → 22 Jan (元旦 skipped); Q1 → 22 Apr (清明 4–6 Apr skipped); Q2 → 21 Jul; Q3 → 28 Oct (国庆 1–8 Oct skipped, Saturday 11 Oct worked).
        Assert.Equal([D(2025, 1, 22), D(2025, 4, 22), D(2025, 7, 21), D(2025, 10, 28)], dates.Select(d => d.Date));
        Assert.Equal([D(2024, 12, 31), D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30)], dates.Select(d => d.PeriodEnd!.Value));
        Assert.All(dates, d => Assert.False(d.IsProvisional));
    }

    [Fact]
    public void Recurring_AnnualDueDay_EveryThirtiethOfApril()
    {
        var dates = Dates(Deadline.Recurring(Frequency.Annual, due: "04-30"), DueDateAnchors.None, D(2024, 1, 1), D(2026, 12, 31));

        Assert.Equal([D(2024, 4, 30), D(2025, 4, 30), D(2026, 4, 30)], dates.Select(d => d.Date));
        Assert.All(dates, d => Assert.Null(d.ShiftedFrom));
    }

    [Fact]
    public void Recurring_AnnualDueDayBeforeTheRuleTakesEffect_FirstDueTheNextYear()
    {
        var dates = Dates(Deadline.Recurring(Frequency.Annual, due: "04-30"), new DueDateAnchors(D(2026, 5, 1), D(2026, 3, 18)), D(2026, 1, 1), D(2027, 12, 31));

        // In force from 1 May 2026: 30 April 2026 was never due under it.
        Assert.Equal([D(2027, 4, 30)], dates.Select(d => d.Date));
    }

    [Fact]
    public void Recurring_YearEndDutyOfANoticeWithoutEffectiveDate_CountsFromItsIssueDate()
    {
        var dates = Dates(Deadline.Recurring(Frequency.Annual), new DueDateAnchors(null, D(2026, 4, 8)), D(2025, 1, 1), D(2026, 12, 31));

        // Issued 8 April 2026: the year 2025 ended before it, 2026 is its first year (due 31 Dec 2026, a Thursday).
        Assert.Equal([D(2026, 12, 31)], dates.Select(d => d.Date));
    }

    [Fact]
    public void Recurring_QuarterStraddlingTheEffectiveDate_IsDueButEarlierQuartersAreNot()
    {
        var dates = Dates(Deadline.Recurring(Frequency.Quarterly, offset: "P15D", workingDays: true), new DueDateAnchors(D(2025, 5, 1), null), D(2025, 1, 1), D(2025, 12, 31));

        Assert.Equal([D(2025, 6, 30), D(2025, 9, 30)], dates.Select(d => d.PeriodEnd!.Value));
    }

    [Fact]
    public void Recurring_FourMonthsAfterYearEnd_IsThirtiethOfApril()
    {
        var dates = Dates(Deadline.Recurring(Frequency.Annual, offset: "P4M"), DueDateAnchors.None, D(2025, 1, 1), D(2025, 12, 31));

        Assert.Equal(D(2025, 4, 30), Assert.Single(dates).Date);
        Assert.Equal(D(2024, 12, 31), dates[0].PeriodEnd);
    }

    [Fact]
    public void Recurring_MonthEndOnDragonBoatHoliday_MovesToNextWorkingDay()
    {
        var dates = Dates(Deadline.Recurring(Frequency.Monthly), DueDateAnchors.None, D(2025, 5, 1), D(2025, 6, 10));

        // 31 May 2025 is a Saturday inside 端午 (31 May – 2 Jun): the limit ends on Tuesday 3 June.
        var may = Assert.Single(dates);
        Assert.Equal(D(2025, 6, 3), may.Date);
        Assert.Equal(D(2025, 5, 31), may.ShiftedFrom);
    }

    [Fact]
    public void Recurring_SemiannualThirtyDays_CalendarDaysAfterHalfYear()
    {
        var dates = Dates(Deadline.Recurring(Frequency.Semiannual, offset: "P30D"), DueDateAnchors.None, D(2025, 7, 1), D(2025, 12, 31));

        Assert.Equal(D(2025, 7, 30), Assert.Single(dates).Date);
    }

    [Fact]
    public void Recurring_EveryThreeYears_FromLastDoneElseEffectiveDate()
    {
        var fromEffective = Dates(Deadline.Recurring(Frequency.EveryNYears, years: 3), new DueDateAnchors(D(2023, 6, 15), null), D(2024, 1, 1), D(2030, 12, 31));
        Assert.Equal([D(2026, 6, 15), D(2029, 6, 15)], fromEffective.Select(d => d.Date));

        var fromLastDone = Dates(Deadline.Recurring(Frequency.EveryNYears, years: 3), new DueDateAnchors(D(2023, 6, 15), null, LastDone: D(2025, 1, 10)), D(2024, 1, 1), D(2028, 12, 31));
        var next = Assert.Single(fromLastDone);
        Assert.Equal(D(2028, 1, 10), next.Date);
        Assert.True(next.IsProvisional);
    }

    [Fact]
    public void Recurring_Daily_IsContinuousWithoutDates()
    {
        var result = Calculator.Compute(Deadline.Recurring(Frequency.Daily), DueDateAnchors.None, D(2025, 1, 1), D(2025, 12, 31));

        Assert.Equal(UndatedReason.Continuous, result.Undated);
        Assert.Empty(result.Dates);
    }

    [Fact]
    public void Relative_FifteenDaysFromEffectiveDate_StartingDayNotCounted()
    {
        var due = Assert.Single(Dates(Deadline.Relative(DeadlineAnchor.EffectiveDate, "P15D"), new DueDateAnchors(D(2025, 3, 3), D(2025, 1, 2)), D(2025, 1, 1), D(2025, 12, 31)));

        Assert.Equal(D(2025, 3, 18), due.Date);
    }

    [Fact]
    public void Relative_OneMonthFromThirtyFirstJanuary_EndsOnLastDayOfFebruary()
    {
        var due = Assert.Single(Dates(Deadline.Relative(DeadlineAnchor.EffectiveDate, "P1M"), new DueDateAnchors(D(2025, 1, 31), null), D(2025, 1, 1), D(2025, 12, 31)));

        Assert.Equal(D(2025, 2, 28), due.Date);
    }

    [Fact]
    public void Relative_FromIssueDate_UsesIssueNotEffective()
    {
        var due = Assert.Single(Dates(Deadline.Relative(DeadlineAnchor.IssueDate, "P6M"), new DueDateAnchors(D(2025, 6, 1), D(2025, 3, 10)), D(2025, 1, 1), D(2025, 12, 31)));

        Assert.Equal(D(2025, 9, 10), due.Date);
    }

    [Fact]
    public void Relative_UnknownEffectiveDate_MissingAnchor()
    {
        var result = Calculator.Compute(Deadline.Relative(DeadlineAnchor.EffectiveDate, "P6M"), new DueDateAnchors(null, D(2025, 3, 10)), D(2025, 1, 1), D(2025, 12, 31));

        Assert.Equal(UndatedReason.MissingAnchor, result.Undated);
    }

    [Fact]
    public void Absolute_OnNationalDay_MovesToFirstWorkingDayAfterHoliday()
    {
        var due = Assert.Single(Dates(Deadline.Absolute(D(2025, 10, 1)), DueDateAnchors.None, D(2025, 1, 1), D(2025, 12, 31)));

        Assert.Equal(D(2025, 10, 9), due.Date);
        Assert.Equal(D(2025, 10, 1), due.ShiftedFrom);
    }

    [Fact]
    public void Absolute_OnAdjustedWorkingSaturday_StaysPut()
    {
        var due = Assert.Single(Dates(Deadline.Absolute(D(2025, 10, 11)), DueDateAnchors.None, D(2025, 1, 1), D(2025, 12, 31)));

        Assert.Equal(D(2025, 10, 11), due.Date);
        Assert.Null(due.ShiftedFrom);
    }

    [Fact]
    public void Event_FiveWorkingDaysAfter_CountsAdjustedSundayAndSkipsNationalDay()
    {
        var due = Assert.Single(Dates(Deadline.ForEvent("发生重大风险事件", "P5D", workingDays: true), new DueDateAnchors(null, null, [D(2025, 9, 26)]), D(2025, 1, 1), D(2025, 12, 31)));

        // 28 Sep (Sunday, worked), 29, 30 Sep, 9, 10 Oct.
        Assert.Equal(D(2025, 10, 10), due.Date);
    }

    [Fact]
    public void Event_TwentyWorkingDaysBefore_CountsBackward()
    {
        var due = Assert.Single(Dates(Deadline.ForEvent("签署", "P20D", workingDays: true, before: true), new DueDateAnchors(null, null, [D(2025, 10, 20)]), D(2025, 1, 1), D(2025, 12, 31)));

        Assert.Equal(D(2025, 9, 16), due.Date);
    }

    [Fact]
    public void Event_TwentyFourHours_DueNextDayEvenOnHoliday()
    {
        var due = Assert.Single(Dates(Deadline.ForEvent("发生", "PT24H"), new DueDateAnchors(null, null, [D(2025, 10, 1)]), D(2025, 1, 1), D(2025, 12, 31)));

        Assert.Equal(D(2025, 10, 2), due.Date);
    }

    [Fact]
    public void Event_NotRecorded_AwaitsEvent()
    {
        var result = Calculator.Compute(Deadline.ForEvent("变更注册资本", "P10D"), DueDateAnchors.None, D(2025, 1, 1), D(2025, 12, 31));

        Assert.Equal(UndatedReason.AwaitingEvent, result.Undated);
        Assert.Contains("变更注册资本", result.Note);
    }

    [Fact]
    public void Vague_ListedForReviewWithoutDate()
    {
        var result = Calculator.Compute(Deadline.Vague("及时"), DueDateAnchors.None, D(2025, 1, 1), D(2025, 12, 31));

        Assert.Equal(UndatedReason.Vague, result.Undated);
        Assert.Empty(result.Dates);
        Assert.True(result.NeedsAttention);
    }

    [Fact]
    public void Recurring_QuarterEndingInUncoveredYear_IsProvisionalWithWarning()
    {
        var dates = Dates(Deadline.Recurring(Frequency.Quarterly, offset: "P15D", workingDays: true), DueDateAnchors.None, D(2026, 12, 1), D(2027, 1, 31));

        var q4 = Assert.Single(dates);
        // Monday–Friday assumed for January 2027: 1 Jan (Friday) counts as the first working day.
        Assert.Equal(D(2027, 1, 21), q4.Date);
        Assert.True(q4.IsProvisional);
        Assert.Equal([2027], q4.UncoveredYears);
        Assert.Contains("2027", q4.Warning);
    }

    [Fact]
    public void Compute_CalendarWithImportedYear_NoLongerProvisional()
    {
        var with2027 = new HolidayCalendar(HolidayCalendar.Default.Days.Append(new CalendarDay(D(2027, 1, 1), CalendarDayKind.Holiday, "元旦")));
        var due = new DueDateCalculator(with2027).Compute(Deadline.Recurring(Frequency.Quarterly, offset: "P15D", workingDays: true), DueDateAnchors.None, D(2027, 1, 1), D(2027, 1, 31)).Dates;

        Assert.Equal(D(2027, 1, 22), Assert.Single(due).Date);
        Assert.False(due[0].IsProvisional);
    }

    [Fact]
    public void DeadlineJson_RoundTripsEveryKind()
    {
        Deadline[] all =
        [
            Deadline.Absolute(D(2025, 12, 31)),
            Deadline.Relative(DeadlineAnchor.IssueDate, "P6M", workingDays: false),
            Deadline.Recurring(Frequency.Quarterly, offset: "P15D", workingDays: true),
            Deadline.Recurring(Frequency.EveryNYears, years: 3),
            Deadline.ForEvent("签署", "P20D", workingDays: true, before: true),
            Deadline.Vague("及时"),
        ];
        foreach (var deadline in all)
        {
            var back = DeadlineJson.Parse(deadline.ToJson().ToJsonString(), out var error);
            Assert.Null(error);
            Assert.Equal(deadline, back);
        }
    }

    [Fact]
    public void DeadlineJson_UnknownKind_ReportsError()
    {
        Assert.Null(DeadlineJson.Parse("""{"kind":"someday"}""", out var error));
        Assert.Contains("someday", error);
    }
}
