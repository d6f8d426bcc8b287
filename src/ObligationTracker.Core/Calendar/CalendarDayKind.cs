namespace ObligationTracker.Core.Calendar;

public enum CalendarDayKind
{
    /// <summary>A public holiday, or a weekend day inside a holiday span: no work.</summary>
    Holiday,

    /// <summary>A Saturday or Sunday worked in exchange for a holiday (调休上班).</summary>
    Workday,
}
