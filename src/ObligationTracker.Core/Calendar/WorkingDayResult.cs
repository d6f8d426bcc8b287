namespace ObligationTracker.Core.Calendar;

/// <summary>A date computed by counting working days, with the years whose calendar was not known.</summary>
/// <param name="Date">The resulting date.</param>
/// <param name="UncoveredYears">Years the count passed through that the holiday file does not cover (counted Monday–Friday).</param>
public sealed record WorkingDayResult(DateOnly Date, IReadOnlyList<int> UncoveredYears)
{
    /// <summary>True when the date rests on a Monday–Friday guess and must be recomputed once that year's notice is imported.</summary>
    public bool IsProvisional => UncoveredYears.Count > 0;
}
