using ObligationTracker.Core.Scheduling;
using Xunit;

namespace ObligationTracker.Core.Tests.Scheduling;

public class ReminderPlannerTests
{
    private static readonly DateOnly Due = new(2026, 4, 30);

    private static int? Lead(int afterDay, int throughDay) =>
        ReminderPlanner.LeadToSend(Due, LeadTimes.Default, Due.AddDays(afterDay), Due.AddDays(throughDay));

    [Theory]
    [InlineData(-31, -30, 30)]
    [InlineData(-8, -7, 7)]
    [InlineData(-2, -1, 1)]
    [InlineData(0, 1, Reminder.OverdueLead)]
    [InlineData(-7, -6, null)]
    [InlineData(-1, 0, null)]
    [InlineData(1, 2, null)]
    public void LeadToSend_OrdinaryDay_OnlyTheLeadWhoseDayItIs(int after, int through, int? expected) => Assert.Equal(expected, Lead(after, through));

    [Fact]
    public void LeadToSend_SpanCoveringSeveralLeads_TheMostPressing()
    {
        Assert.Equal(7, Lead(-40, -5));
        Assert.Equal(Reminder.OverdueLead, Lead(-40, 3));
    }

    [Fact]
    public void DueWindow_CoversEveryDueDateASpanCanRemindOf()
    {
        var (from, to) = ReminderPlanner.DueWindow(LeadTimes.Default, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 3));

        // Overdue notices on 2–3 Apr are for due dates of 1–2 Apr; 30-day reminders on 3 Apr are for 3 May.
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 3)), (from, to));
    }

    [Fact]
    public void LeadTimes_Parse_SortsAndReadsOverdue()
    {
        var leads = LeadTimes.Parse("1, 30,7,overdue");

        Assert.Equal([30, 7, 1], leads.Days);
        Assert.True(leads.Overdue);
        Assert.Equal("30,7,1,overdue", leads.ToString());
        Assert.Throws<FormatException>(() => LeadTimes.Parse("30,soon"));
    }

    [Fact]
    public void Reminder_IdempotencyKeyAndSendDay()
    {
        var r = new Reminder(3, "某行", 9, "a.md#1.1", "办法", null, 1, "应当。", Due, "每年4月30日前", 7, false, null, "email");

        Assert.Equal("3:9:2026-04-30:7:email", r.IdempotencyKey);
        Assert.Equal(new DateOnly(2026, 4, 23), r.SendOn);
        Assert.Equal(new DateOnly(2026, 5, 1), (r with { LeadDays = Reminder.OverdueLead }).SendOn);
    }
}
