namespace ObligationTracker.Core.Mining.Deadlines;

/// <summary>Keeps the time limit stated first in a unit: when several candidates compete, the earliest position wins.</summary>
internal sealed class EarliestDeadline
{
    public (int Index, Deadline Deadline)? Best { get; private set; }

    public bool Found => Best is not null;

    public void Consider(int index, Deadline? deadline)
    {
        if (deadline is not null && (Best is null || index < Best.Value.Index)) Best = (index, deadline);
    }
}
