using Microsoft.Extensions.Time.Testing;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Cli.Queries;
using ObligationTracker.Core.Calendar;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Register;
using ObligationTracker.Storage.Reminders;
using Xunit;

namespace ObligationTracker.Cli.Tests.Queries;

/// <summary>
/// The register with due dates on a day: a quarterly duty (10 days after each quarter) in force since 2025, on 2026-05-20 —
/// the 2026-04-10 date has passed unmet and the next is 2026-07-10.
/// </summary>
public sealed class InstitutionRegisterTests : IDisposable
{
    private const string Rules = """
        某类公司季度报送试行办法
        第一条 为规范季度报送，制定本办法。
        第二条 消费金融公司应当在每季度结束后10日内报送季度经营数据。
        第三条 消费金融公司不得虚报经营数据。
        第四条 本办法自2025年1月1日起施行。
        """;

    private static readonly DateOnly Today = new(2026, 5, 20);
    private readonly Scratch _scratch = new("ot-register-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly StoreSettings _store;
    private readonly RegulationStore _register;
    private readonly ReminderStore _reminders;
    private readonly StoredInstitution _institution;

    public InstitutionRegisterTests()
    {
        var data = Path.Combine(_scratch.Root, "data");
        _store = StoreSettings.Sqlite(data);
        Assert.Equal(0, IngestCommand.Run([_scratch.Write("quarterly.md", Rules)], data, false, _clock, TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, InstitutionCommand.RunAdd(_store, "某消费金融", ["消费金融公司"], null, null, _clock, TextWriter.Null, TextWriter.Null));
        _register = RegulationStore.Open(_store, _clock);
        _reminders = ReminderStore.Open(_store, _clock);
        _institution = _register.Institutions.Find("某消费金融")!;
    }

    private InstitutionRegister Register => new(_register, _reminders, HolidayCalendar.Default);

    [Fact]
    public void Dashboard_QuarterlyDutyPastItsDateUnmet_ListsItOverdueWithTheMissedDateNotTheNextOne()
    {
        var dashboard = Register.Dashboard(_institution, Today);

        var overdue = Assert.Single(dashboard.Overdue);
        Assert.Contains("季度经营数据", overdue.Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 4, 10), overdue.MissedDue);
        Assert.Equal(new DateOnly(2026, 7, 10), overdue.DueDate);
    }

    [Fact]
    public void Line_DoneOnTheDueDate_IsNotOverdueAndHasNoMissedDate()
    {
        var line = QuarterlyLineDoneOn(new DateOnly(2026, 4, 10));

        Assert.False(line.Overdue);
        Assert.Null(line.MissedDue);
    }

    [Fact]
    public void Line_DoneTwoDaysBeforeTheDueDate_IsNotOverdue()
    {
        var line = QuarterlyLineDoneOn(new DateOnly(2026, 4, 8));

        Assert.False(line.Overdue);
        Assert.Null(line.MissedDue);
    }

    [Fact]
    public void Line_LastDoneForThePreviousQuarter_StillMissesThisQuartersDate()
    {
        // Q4 2025's date was 10 January 2026, a Saturday, so Monday 12 January: a filing on 9 January was for that quarter.
        var line = QuarterlyLineDoneOn(new DateOnly(2026, 1, 9));

        Assert.True(line.Overdue);
        Assert.Equal(new DateOnly(2026, 4, 10), line.MissedDue);
    }

    /// <summary>The quarterly duty's line on <see cref="Today"/> once it is tracked as last done on <paramref name="lastDone"/>.</summary>
    private RegisterLine QuarterlyLineDoneOn(DateOnly lastDone)
    {
        var id = Register.Lines(_institution, Today).Single(l => l.Text.Contains("季度经营数据", StringComparison.Ordinal)).ObligationId;
        _register.Tracking.Set(_institution.Id, id, new TrackingUpdate(LastDone: lastDone), "test");
        return Register.Line(_institution, id, Today)!;
    }

    [Fact]
    public void Line_EachObligation_EqualsItsLineInTheWholeRegister()
    {
        var whole = Register.Lines(_institution, Today, includeClosed: true);
        Assert.NotEmpty(whole);

        foreach (var expected in whole)
        {
            var one = Register.Line(_institution, expected.ObligationId, Today);
            Assert.NotNull(one);
            Assert.Equal(
                (expected.ObligationId, expected.Text, expected.Status, expected.DueDate, expected.ComputedDue, expected.MissedDue, expected.Overdue),
                (one.ObligationId, one.Text, one.Status, one.DueDate, one.ComputedDue, one.MissedDue, one.Overdue));
        }
    }

    [Fact]
    public void Line_ObligationThatDoesNotBindTheInstitution_IsNull()
    {
        Assert.Equal(0, InstitutionCommand.RunAdd(_store, "某信托", ["信托公司"], null, null, _clock, TextWriter.Null, TextWriter.Null));
        var trust = _register.Institutions.Find("某信托")!;
        var id = Register.Lines(_institution, Today)[0].ObligationId;

        Assert.Null(Register.Line(trust, id, Today));
    }

    public void Dispose()
    {
        _register.Dispose();
        _reminders.Dispose();
        _scratch.Dispose();
    }
}
