using ObligationTracker.Core.Calendar;
using Xunit;

namespace ObligationTracker.Core.Tests.Calendar;

public class HolidayCalendarTests
{
    private static readonly Lazy<HolidayCalendar> Repository =
        new(() => HolidayCalendar.Load(Path.Combine(RepoPaths.Corpora, "calendar", "cn-holidays.tsv")));

    private static HolidayCalendar Calendar => Repository.Value;

    [Fact]
    public void Load_RepositoryFile_Covers2024To2026()
    {
        Assert.Equal([2024, 2025, 2026], Calendar.CoveredYears);
        Assert.False(Calendar.Covers(2027));
    }

    [Fact]
    public void Default_IsTheEmbeddedRepositoryFile()
    {
        Assert.Equal(Calendar.Days.OrderBy(d => d.Date).Select(d => (d.Date, d.Kind, d.Name)),
            HolidayCalendar.Default.Days.OrderBy(d => d.Date).Select(d => (d.Date, d.Kind, d.Name)));
    }

    [Fact]
    public void IsWorkingDay_AdjustedSaturdayAfterNationalDay_IsWorkingDay()
    {
        Assert.Equal(DayOfWeek.Saturday, new DateOnly(2025, 10, 11).DayOfWeek);
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 10, 11)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 9, 28)));
    }

    [Fact]
    public void IsWorkingDay_NationalDayAndMidAutumn2025_EveryDayIsHoliday()
    {
        for (var day = 1; day <= 8; day++)
            Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 10, day)), $"2025-10-{day:00}");
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 10, 9)));
    }

    [Fact]
    public void IsWorkingDay_OrdinaryDays_FollowTheWeek()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 11, 12)));  // Wednesday
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 11, 15))); // Saturday
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 11, 16))); // Sunday
    }

    [Fact]
    public void IsWorkingDay_SpringFestival2026_HolidaysAndBothAdjustedSaturdays()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 2, 14)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 2, 16))); // Monday inside the holiday
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 2, 23)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 2, 28)));
    }

    [Fact]
    public void AddWorkingDays_FifteenAfterThirdQuarter2025_SkipsTheHolidayAndCountsTheAdjustedSaturday()
    {
        // 10-09 Thu (1), 10-10 (2), 10-11 Sat worked (3), 10-13..17 (4-8), 10-20..24 (9-13), 10-27 (14), 10-28 (15).
        var result = Calendar.AddWorkingDays(new DateOnly(2025, 9, 30), 15);

        Assert.Equal(new DateOnly(2025, 10, 28), result.Date);
        Assert.False(result.IsProvisional);
    }

    [Fact]
    public void AddWorkingDays_Negative_CountsBackAcrossTheHolidayAndTheAdjustedSunday()
    {
        // Back from 10-09: 09-30 (1), 09-29 (2), 09-28 Sun worked (3), then 17 ordinary weekdays to 09-04.
        var result = Calendar.AddWorkingDays(new DateOnly(2025, 10, 9), -20);

        Assert.Equal(new DateOnly(2025, 9, 4), result.Date);
    }

    [Fact]
    public void AddWorkingDays_Zero_ReturnsTheDate()
    {
        Assert.Equal(new DateOnly(2025, 10, 4), Calendar.AddWorkingDays(new DateOnly(2025, 10, 4), 0).Date);
    }

    [Fact]
    public void AddWorkingDays_YearNotCovered_FallsBackToMondayToFridayAndIsProvisional()
    {
        // 2027 is unknown: 1 October 2027 (a Friday) counts as a working day until that year's notice is imported.
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2027, 10, 1)));

        var result = Calendar.AddWorkingDays(new DateOnly(2027, 9, 30), 15);

        Assert.Equal(new DateOnly(2027, 10, 21), result.Date);
        Assert.True(result.IsProvisional);
        Assert.Equal([2027], result.UncoveredYears);
    }

    [Fact]
    public void AddWorkingDays_FromCoveredIntoUncoveredYear_ReportsOnlyTheUncoveredYear()
    {
        // 2026-12-31 Thu (1), 2027-01-01 Fri (2, unknown: Monday–Friday), 2027-01-04 Mon (3).
        var result = Calendar.AddWorkingDays(new DateOnly(2026, 12, 30), 3);

        Assert.Equal(new DateOnly(2027, 1, 4), result.Date);
        Assert.Equal([2027], result.UncoveredYears);
    }

    [Fact]
    public void Parse_WorkdayOnAWeekday_FailsNamingTheLine()
    {
        var text = "# test\ndate\tkind\tname\n2025-10-01\tholiday\t国庆节\n2025-10-09\tworkday\t国庆节\n";

        var e = Assert.Throws<FormatException>(() => HolidayCalendar.Parse(text, "x.tsv"));

        Assert.StartsWith("x.tsv, line 4:", e.Message);
    }

    [Fact]
    public void Parse_UnknownKind_FailsNamingTheLine()
    {
        var e = Assert.Throws<FormatException>(() => HolidayCalendar.Parse("2025-10-01\toff\t国庆节", "x.tsv"));

        Assert.StartsWith("x.tsv, line 1:", e.Message);
    }

    [Fact]
    public void Parse_SameDateTwice_Fails()
    {
        Assert.Throws<ArgumentException>(() => HolidayCalendar.Parse("2025-10-01\tholiday\t国庆节\n2025-10-01\tholiday\t国庆节"));
    }
}
