using ObligationTracker.Core.Calendar;

namespace ObligationTracker.Cli.Web;

/// <summary>The holiday calendar the app computes due dates with, read again when <c>ot calendar import</c> has changed the data directory's file.</summary>
/// <remarks>
/// Every use looks at the file's size and time (one stat call), so an import made while <c>ot serve</c> runs counts from
/// the next request on, without a restart. The import writes a whole new file and renames it into place, so a reader
/// never sees half of one. A file that cannot be read (edited by hand and broken) leaves the last good calendar in use,
/// with a warning, rather than failing every request that computes a date.
/// </remarks>
internal sealed partial class CalendarSource(string dataDirectory, ILogger<CalendarSource> logger)
{
    private readonly Lock _gate = new();
    private Loaded? _loaded;

    /// <summary>The shipped calendar with the imported years over it, as the file stands now.</summary>
    public HolidayCalendar Current => Get().Calendar;

    /// <summary>Changes whenever <see cref="Current"/> may have: for caches of what was computed with it.</summary>
    public string Version => Get().Stamp;

    private Loaded Get()
    {
        var stamp = Stamp();
        var loaded = _loaded;
        if (loaded is not null && loaded.Stamp == stamp) return loaded;
        lock (_gate)
        {
            if (_loaded is { } again && again.Stamp == stamp) return again;
            HolidayCalendar calendar;
            try
            {
                calendar = CalendarOverride.Load(dataDirectory);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                calendar = _loaded?.Calendar ?? HolidayCalendar.Default;
                Unreadable(logger, Path.Combine(dataDirectory, CalendarOverride.FileName), ex.Message, calendar.CoveredYears);
            }

            if (_loaded is not null) Reloaded(logger, calendar.CoveredYears);
            return _loaded = new Loaded(stamp, calendar);
        }
    }

    private string Stamp()
    {
        var file = new FileInfo(Path.Combine(dataDirectory, CalendarOverride.FileName));
        return file.Exists ? $"{file.LastWriteTimeUtc.Ticks}:{file.Length}" : "none";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The holiday calendar {File} could not be read ({Reason}); due dates keep using the years {Years}.")]
    private static partial void Unreadable(ILogger logger, string file, string reason, IReadOnlyList<int> years);

    [LoggerMessage(Level = LogLevel.Information, Message = "Holiday calendar reloaded: it covers {Years}.")]
    private static partial void Reloaded(ILogger logger, IReadOnlyList<int> years);

    private sealed record Loaded(string Stamp, HolidayCalendar Calendar);
}
