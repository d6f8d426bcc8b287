using System.Globalization;
using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Scheduling.Calendars;
using ObligationTracker.Scheduling.Export;
using ObligationTracker.Storage.Register;
using Xunit;

namespace ObligationTracker.Scheduling.Tests;

public class CalendarAndExportTests
{
    private static DateTimeOffset China(int y, int m, int d, int h = 10) => new(y, m, d, h, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void WorkingDayCalendar_NationalDayExcluded_AdjustedSaturdayIncluded()
    {
        var calendar = new WorkingDayCalendar(HolidayCalendar.Default);

        Assert.False(calendar.IsTimeIncluded(China(2025, 10, 1)));
        Assert.True(calendar.IsTimeIncluded(China(2025, 10, 11)));   // Saturday worked (调休)
        Assert.False(calendar.IsTimeIncluded(China(2025, 10, 12)));  // ordinary Sunday
        Assert.True(calendar.IsTimeIncluded(China(2025, 10, 9)));
    }

    [Fact]
    public void WorkingDayCalendar_NextIncludedTime_IsMidnightOfFirstWorkingDayAfterHoliday()
    {
        var calendar = new WorkingDayCalendar(HolidayCalendar.Default);

        var next = calendar.GetNextIncludedTimeUtc(China(2025, 10, 1).ToUniversalTime());

        Assert.Equal(China(2025, 10, 9, 0).ToUniversalTime(), next);
    }

    [Fact]
    public void WorkingDayCalendar_Clone_KeepsDaysAndDescription()
    {
        var calendar = new WorkingDayCalendar(HolidayCalendar.Default);

        var clone = (WorkingDayCalendar)calendar.Clone();

        Assert.NotSame(calendar, clone);
        Assert.False(clone.IsTimeIncluded(China(2026, 5, 1)));
        Assert.Equal(calendar.Description, clone.Description);
    }

    [Fact]
    public void DueDateIcs_OneAllDayEventPerDueDate_StableUidsAndProvisionalMarked()
    {
        var institution = new StoredInstitution(7, TestData.Bank, ["城市商业银行"], null, null, DateTimeOffset.UnixEpoch);
        var entry = new RegisterEntry(42, "test.md#3.1", 1, "测试报送办法", "测〔2026〕1号", 3, "商业银行应当按季报送测试报告。", "obligation", ["商业银行"], false,
            "recurring", null, true, null, TrackingState.Untracked);
        var dates = new[]
        {
            (entry, new DueDate(new DateOnly(2026, 4, 22), "2026Q1结束后15个工作日", [])),
            (entry, new DueDate(new DateOnly(2027, 1, 21), "2026Q4结束后15个工作日", [2027])),
        };

        var text = DueDateIcs.Build(institution, dates, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var parsed = Ical.Net.Calendar.Load(text)!;

        Assert.Equal(2, parsed.Events.Count);
        var first = parsed.Events.OrderBy(e => e.DtStart!.Date).First();
        Assert.Equal(new DateOnly(2026, 4, 22), first.DtStart!.Date);
        Assert.False(first.DtStart.HasTime);
        Assert.Equal("7-42-20260422@obligation-tracker", first.Uid);
        Assert.StartsWith("[暂定]", parsed.Events.OrderBy(e => e.DtStart!.Date).Last().Summary);
        Assert.Contains("2027", parsed.Events.OrderBy(e => e.DtStart!.Date).Last().Description);
    }

    [Fact]
    public void ReminderSettings_FileThenEnvironment_EnvironmentWins()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "settings.json"), """
            { "store": "sqlite:x.db", "reminders": { "leadTimes": "14,3", "smtp": { "host": "mail.test", "port": 2525, "to": "a@test" },
              "recipients": { "测试城商行": "bank@test" }, "webhook": "http://hooks.test/ot", "log": false } }
            """);
        var env = new Dictionary<string, string> { ["OT_LEAD_TIMES"] = "30,7,1,overdue", ["OT_SMTP_PORT"] = "2626" };

        var settings = ReminderSettings.Load(folder.Path, n => env.GetValueOrDefault(n));

        Assert.Equal("30,7,1,overdue", settings.LeadTimes.ToString());
        Assert.Equal(("mail.test", 2626), (settings.SmtpHost, settings.SmtpPort));
        Assert.Equal(["email", "webhook"], settings.Channels);
        Assert.Equal("bank@test", settings.RecipientFor(TestData.Bank));
        Assert.Equal("a@test", settings.RecipientFor("别的机构"));
    }

    [Fact]
    public void ReminderSettings_BadWebhook_NamesTheValue()
    {
        var ex = Assert.Throws<FormatException>(() => ReminderSettings.Load(Path.GetTempPath(), n => n == "OT_WEBHOOK_URL" ? "ftp://x" : null));
        Assert.Contains("ftp://x", ex.Message);
    }

    [Fact]
    public void CalendarOverride_ImportYear_CoversItAndReplacesOnlyThatYear()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "2027.tsv");
        File.WriteAllText(file, "date\tkind\tname\tnotice\n2027-01-01\tholiday\t元旦\t测试通知\n2027-02-06\tholiday\t春节\t测试通知\n2027-02-20\tworkday\t春节\t测试通知\n");
        var data = Path.Combine(folder.Path, "data");

        var years = CalendarOverride.Import(data, HolidayCalendar.Load(file), 2027);
        var merged = CalendarOverride.Load(data);

        Assert.Equal([2027], years);
        Assert.Equal([2024, 2025, 2026, 2027], merged.CoveredYears);
        Assert.False(merged.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.True(merged.IsWorkingDay(new DateOnly(2027, 2, 20)));
        Assert.False(merged.IsWorkingDay(new DateOnly(2025, 10, 1)));
        Assert.Throws<FormatException>(() => CalendarOverride.Import(data, HolidayCalendar.Load(file), 2028));
    }
}
