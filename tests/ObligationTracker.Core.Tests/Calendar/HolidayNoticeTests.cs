using ObligationTracker.Core.Calendar;
using Xunit;

namespace ObligationTracker.Core.Tests.Calendar;

public class HolidayNoticeTests
{
    // An arrangement written for this test in the notice's style (not a published one).
    private const string Notice = """
        国务院办公厅关于2027年部分节假日安排的通知
        经国务院批准，现将2027年元旦、春节和国庆节放假调休日期的具体安排通知如下。
        一、元旦：1月1日（周五）至3日（周日）放假，共3天。
        二、春节：2月6日（周六）至13日（周六）放假调休，共8天。2月14日（周日）上班。
        三、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
        节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。
        """;

    [Fact]
    public void Parse_Notice_HolidaySpansAndAdjustedWeekends()
    {
        var calendar = HolidayNotice.Parse(Notice);

        Assert.Equal([2027], calendar.CoveredYears);
        Assert.Equal(3 + 8 + 7, calendar.Days.Count(d => d.Kind == CalendarDayKind.Holiday));
        Assert.Equal([new DateOnly(2027, 2, 14), new DateOnly(2027, 9, 26), new DateOnly(2027, 10, 9)],
            calendar.Days.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date).Order());
        Assert.Equal("春节", calendar.Find(new DateOnly(2027, 2, 10))!.Name);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 10, 4)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 10, 9)));
    }

    [Fact]
    public void Looks_TellsNoticeFromHolidayFile()
    {
        Assert.True(HolidayNotice.Looks(Notice));
        Assert.False(HolidayNotice.Looks("date\tkind\tname\n2027-01-01\tholiday\t元旦\n"));
    }

    [Fact]
    public void Parse_WorkdayOnAWeekday_IsAFormatErrorNamingTheHoliday()
    {
        var ex = Assert.Throws<FormatException>(() => HolidayNotice.Parse("2027年部分节假日安排\n一、春节：2月6日至13日放假调休。2月15日（周一）上班。"));
        Assert.Contains("春节", ex.Message);
    }

    [Fact]
    public void Parse_NoYearInTitleAndNoneGiven_AsksForIt()
    {
        var ex = Assert.Throws<FormatException>(() => HolidayNotice.Parse("一、元旦：1月1日放假，共1天。"));
        Assert.Contains("--year", ex.Message);
        Assert.Single(HolidayNotice.Parse("一、元旦：1月1日放假，共1天。", 2028).Days);
    }
}
