namespace ObligationTracker.Core.Calendar;

/// <summary>The holiday years imported into a data directory (<c>calendar.tsv</c>), laid over the calendar shipped with the product.</summary>
/// <remarks>
/// The State Council publishes the next year's arrangement each November; until a release ships it, <c>ot calendar
/// import</c> adds it here. A year in this file replaces the same year of the shipped calendar as a whole.
/// </remarks>
public static class CalendarOverride
{
    public const string FileName = "calendar.tsv";

    /// <summary>The shipped calendar with the data directory's imported years over it.</summary>
    public static HolidayCalendar Load(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, FileName);
        return File.Exists(file) ? HolidayCalendar.Default.With(HolidayCalendar.Load(file)) : HolidayCalendar.Default;
    }

    /// <summary>Adds the years of <paramref name="imported"/> (only <paramref name="year"/> when given) to the data directory's file.</summary>
    /// <returns>The years imported.</returns>
    /// <exception cref="FormatException">The year asked for is not in the file.</exception>
    public static IReadOnlyList<int> Import(string dataDirectory, HolidayCalendar imported, int? year)
    {
        ArgumentNullException.ThrowIfNull(imported);
        var years = year is { } y ? [y] : imported.CoveredYears;
        if (year is { } only && !imported.Covers(only)) throw new FormatException($"The file has no day of {only}; it covers {string.Join(", ", imported.CoveredYears)}.");
        if (years.Count == 0) throw new FormatException("The file lists no day.");
        var file = Path.Combine(dataDirectory, FileName);
        var existing = File.Exists(file) ? HolidayCalendar.Load(file) : new HolidayCalendar([]);
        var merged = existing.With(imported.Years(years));
        Directory.CreateDirectory(dataDirectory);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, merged.ToTsv("Holiday years imported with 'ot calendar import'; each replaces the same year of the shipped calendar."));
        File.Move(temporary, file, overwrite: true);
        return years;
    }
}
