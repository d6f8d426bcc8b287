namespace ObligationTracker.Core.Scheduling;

/// <summary>One concrete date by which an obligation must be met.</summary>
/// <param name="Date">The last day to comply (after any move off a holiday).</param>
/// <param name="Basis">How it was reached, for people: <c>2025Q1 季度结束后15个工作日</c>, <c>施行之日起6个月</c>.</param>
/// <param name="UncoveredYears">Years whose holiday arrangement was not known when counting (Monday–Friday assumed).</param>
/// <param name="ShiftedFrom">The day the limit fell on before it was moved to the next working day, if it was.</param>
/// <param name="PeriodEnd">For a recurring duty, the last day of the period it reports on.</param>
public sealed record DueDate(DateOnly Date, string Basis, IReadOnlyList<int> UncoveredYears, DateOnly? ShiftedFrom = null, DateOnly? PeriodEnd = null)
{
    /// <summary>True when the date rests on a Monday–Friday guess for a year not yet in the holiday calendar.</summary>
    public bool IsProvisional => UncoveredYears.Count > 0;

    /// <summary>The warning to show next to a provisional date; null otherwise.</summary>
    public string? Warning => IsProvisional
        ? $"provisional: the holiday arrangement for {string.Join(", ", UncoveredYears)} is not in the calendar (Monday–Friday assumed); import it with 'ot calendar import'"
        : null;
}
