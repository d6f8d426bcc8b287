using System.Globalization;
using ObligationTracker.Core.Calendar;

namespace ObligationTracker.Cli.Commands;

/// <summary>Dates as the commands take them (yyyy-MM-dd) and today on the Chinese calendar.</summary>
internal static class CliDates
{
    public static DateOnly Today(TimeProvider clock) => ChinaDate.Today(clock);

    /// <summary>The date, the fallback when absent; null (with a message written) when malformed.</summary>
    public static bool TryParse(string? text, string option, DateOnly fallback, TextWriter errors, out DateOnly date)
    {
        date = fallback;
        if (text is null) return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        errors.WriteLine($"error: {option} '{text}' is not a date yyyy-MM-dd.");
        return false;
    }
}
