namespace ObligationTracker.Core.Scheduling;

/// <summary>Which reminders of one due date are to be sent when the daily scan covers the days after the last scan up to today.</summary>
/// <remarks>
/// The scan of day D covers the days since the previous completed scan (D alone on an ordinary day; several after a
/// node was down). Of the leads whose send day falls in that span only the most pressing one is sent — after a week
/// down, a due date 6 days away gets its 7-day reminder, not the 30-day one as well. A due date already past is
/// reminded only by its overdue notice, and only when the first day overdue is in the span.
/// </remarks>
public static class ReminderPlanner
{
    /// <summary>The lead whose reminder is due in (<paramref name="after"/>, <paramref name="through"/>], or null.</summary>
    public static int? LeadToSend(DateOnly dueDate, LeadTimes leads, DateOnly after, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(leads);
        int? chosen = null;
        foreach (var lead in leads.All)
        {
            var sendOn = dueDate.AddDays(lead == Reminder.OverdueLead ? 1 : -lead);
            if (sendOn > after && sendOn <= through) chosen = lead;
        }

        return chosen;
    }

    /// <summary>The window of due dates a scan covering (<paramref name="after"/>, <paramref name="through"/>] must compute.</summary>
    public static (DateOnly From, DateOnly To) DueWindow(LeadTimes leads, DateOnly after, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var minLead = leads.All.Min(l => l == Reminder.OverdueLead ? -1 : l);
        return (after.AddDays(1 + minLead), through.AddDays(leads.Horizon));
    }
}
