using Microsoft.Extensions.Time.Testing;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Mining.Deadlines;
using ObligationTracker.Storage.Database;
using Xunit;

namespace ObligationTracker.Scheduling.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(TestData.ChinaMorning(new DateOnly(2026, 3, 24)));
    private readonly StoreSettings _settings;

    public CommandTests()
    {
        _settings = TestData.Sqlite(_folder.Path);
        TestData.Seed(_settings, _clock, new DateOnly(2026, 1, 1),
            Deadline.Absolute(new DateOnly(2026, 3, 31)),
            Deadline.Recurring(Frequency.Quarterly, offset: "P15D", workingDays: true),
            Deadline.ForEvent("发生重大风险事件", "P5D", workingDays: true),
            Deadline.Vague("及时"));
    }

    [Fact]
    public void Calendar_Institution_ListsDatesInOrderAndWhatNeedsAttention_WritesIcs()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var ics = Path.Combine(_folder.Path, "bank.ics");

        var code = CalendarCommand.Run(_settings, _folder.Path, TestData.Bank, "2026-03-01", "2026-12-31", ics, false, _clock, output, errors);

        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("2026-03-31", lines[0]);
        Assert.StartsWith("2026-04-22", lines[1]);
        Assert.Contains(lines, l => l.Contains("未定") && l.Contains("ot event"));
        Assert.Contains(lines, l => l.Contains("未定") && l.Contains("及时"));
        Assert.Equal(4, Ical.Net.Calendar.Load(File.ReadAllText(ics))!.Events.Count); // 31 Mar and Q1–Q3
    }

    [Fact]
    public void Event_RecordedByPhrase_GivesTheEventObligationItsDate()
    {
        var errors = new StringWriter();

        Assert.Equal(0, EventCommand.Run(_settings, TestData.Bank, null, "重大风险事件", "2026-03-20", "测试", "tester", false, _clock, TextWriter.Null, errors));
        var output = new StringWriter();
        CalendarCommand.Run(_settings, _folder.Path, TestData.Bank, "2026-03-25", "2026-03-31", null, false, _clock, output, TextWriter.Null);

        Assert.Contains(output.ToString().Split('\n'), l => l.StartsWith("2026-03-27", StringComparison.Ordinal) && l.Contains("第3条"));
    }

    [Fact]
    public void Event_NeitherObligationNorPhrase_IsAUsageError()
    {
        var errors = new StringWriter();

        Assert.Equal(2, EventCommand.Run(_settings, TestData.Bank, null, null, "2026-03-20", null, "tester", false, _clock, TextWriter.Null, errors));
        Assert.Contains("--obligation or --event", errors.ToString());
    }

    [Fact]
    public void RemindDryRun_AtADay_ListsThatDaysRemindersWithoutStoringAny()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = RemindCommand.DryRun(_settings, new ReminderSettings { Log = true }, HolidayCalendar.Default, "2026-03-24", false, _clock, output, errors);

        Assert.Equal(0, code);
        Assert.Contains("7天后到期 2026-03-31 测试城商行", output.ToString());
        Assert.Contains("1 reminders would be sent on 2026-03-24", errors.ToString());
        using var store = Storage.Reminders.ReminderStore.Open(_settings, _clock);
        Assert.Empty(store.List());
    }

    [Fact]
    public void CalendarImport_MissingYear_IsAUsageErrorNamingTheYears()
    {
        var file = Path.Combine(_folder.Path, "h.tsv");
        File.WriteAllText(file, "2027-01-01\tholiday\t元旦\n");
        var errors = new StringWriter();

        Assert.Equal(0, CalendarCommand.Import(Path.Combine(_folder.Path, "d"), file, null, errors));
        Assert.Contains("now covers 2024, 2025, 2026, 2027", errors.ToString());
        Assert.Throws<FormatException>(() => CalendarCommand.Import(Path.Combine(_folder.Path, "d"), file, 2028, errors));
    }

    [Fact]
    public void CalendarImport_NoticeText_DatesIn2027NoLongerProvisional()
    {
        var notice = Path.Combine(_folder.Path, "notice.txt");
        File.WriteAllText(notice, "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n");
        var data = Path.Combine(_folder.Path, "data");

        Assert.Equal(0, CalendarCommand.Import(data, notice, null, TextWriter.Null));
        var output = new StringWriter();
        var errors = new StringWriter();
        CalendarCommand.Run(_settings, data, TestData.Bank, "2027-01-01", "2027-01-31", null, false, _clock, output, errors);

        // Q4 2026 + 15 working days, 1 Jan 2027 a holiday now: 22 Jan, not the provisional 21 Jan.
        Assert.StartsWith("2027-01-22 ", output.ToString().Split('\n')[0]);
        Assert.DoesNotContain("暂定", output.ToString());
    }

    public void Dispose() => _folder.Dispose();
}
