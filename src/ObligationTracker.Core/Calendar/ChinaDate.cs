namespace ObligationTracker.Core.Calendar;

/// <summary>The date on the Chinese calendar (UTC+8, no daylight saving): the day regulations take effect and deadlines fall on.</summary>
public static class ChinaDate
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Today in China by <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
    }
}
