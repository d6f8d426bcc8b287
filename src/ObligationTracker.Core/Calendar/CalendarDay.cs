namespace ObligationTracker.Core.Calendar;

/// <summary>One day that differs from the Monday–Friday week: a public holiday, or a weekend day worked in exchange.</summary>
/// <param name="Date">The day.</param>
/// <param name="Kind">Holiday (no work) or Workday (调休上班).</param>
/// <param name="Name">The holiday it belongs to, as the notice names it (春节, 国庆节、中秋节).</param>
public sealed record CalendarDay
{
    public CalendarDay(DateOnly date, CalendarDayKind kind, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        // A weekday is a working day already: a "workday" line on one would be a typo that silently does nothing.
        if (kind == CalendarDayKind.Workday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            throw new ArgumentException($"{date:yyyy-MM-dd} is a {date.DayOfWeek}: only a Saturday or Sunday can be an adjusted working day.", nameof(kind));
        Date = date;
        Kind = kind;
        Name = name;
    }

    public DateOnly Date { get; }

    public CalendarDayKind Kind { get; }

    public string Name { get; }
}
