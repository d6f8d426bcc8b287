using System.Collections.Frozen;
using System.Globalization;

namespace ObligationTracker.Core.Calendar;

/// <summary>Working days in mainland China: Monday–Friday, less public holidays, plus adjusted working weekends (调休).</summary>
/// <remarks>
/// 工作日 in a regulation's deadline (每季度结束后15个工作日内) means a day the State Council's arrangement makes a working
/// day, so a Saturday such as 2025-10-11 counts and a Wednesday such as 2025-10-01 does not. The arrangement is published
/// a year at a time; for a year the file does not cover we fall back to Monday–Friday and say so, because a due date
/// computed that way may move once the notice is out.
/// </remarks>
public sealed class HolidayCalendar
{
    private const string EmbeddedName = "ObligationTracker.Core.Calendar.cn-holidays.tsv";

    private static readonly Lazy<HolidayCalendar> DefaultLazy = new(() =>
    {
        using var stream = typeof(HolidayCalendar).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"The embedded resource {EmbeddedName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "cn-holidays.tsv");
    });

    private readonly FrozenDictionary<DateOnly, CalendarDay> _days;

    public HolidayCalendar(IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var byDate = new Dictionary<DateOnly, CalendarDay>();
        foreach (var day in days)
            if (!byDate.TryAdd(day.Date, day))
                throw new ArgumentException($"{day.Date:yyyy-MM-dd} is listed twice.", nameof(days));
        _days = byDate.ToFrozenDictionary();
        CoveredYears = byDate.Keys.Select(d => d.Year).Distinct().Order().ToArray();
    }

    /// <summary>The calendar shipped with the product (embedded copy of corpora/calendar/cn-holidays.tsv).</summary>
    public static HolidayCalendar Default => DefaultLazy.Value;

    /// <summary>Years whose arrangement is known, ascending.</summary>
    public IReadOnlyList<int> CoveredYears { get; }

    public IReadOnlyCollection<CalendarDay> Days => _days.Values;

    public bool Covers(int year) => CoveredYears.Contains(year);

    /// <summary>The listed day for a date, or null for an ordinary day (or a year not covered).</summary>
    public CalendarDay? Find(DateOnly date) => _days.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date) => _days.TryGetValue(date, out var day)
        ? day.Kind == CalendarDayKind.Workday
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="date"/> (before it when negative).</summary>
    /// <remarks>The start day itself is not counted (…后15个工作日内 counts from the next day); 0 returns the date unchanged.</remarks>
    public WorkingDayResult AddWorkingDays(DateOnly date, int workingDays)
    {
        var step = Math.Sign(workingDays);
        var uncovered = new SortedSet<int>();
        var current = date;
        for (var left = Math.Abs(workingDays); left > 0;)
        {
            current = current.AddDays(step);
            if (!Covers(current.Year)) uncovered.Add(current.Year);
            if (IsWorkingDay(current)) left--;
        }
        return new WorkingDayResult(current, uncovered.ToArray());
    }

    /// <summary>This calendar with every year <paramref name="imported"/> covers taken from it instead (a newer notice wins).</summary>
    public HolidayCalendar With(HolidayCalendar imported)
    {
        ArgumentNullException.ThrowIfNull(imported);
        return new HolidayCalendar(_days.Values.Where(d => !imported.Covers(d.Date.Year)).Concat(imported.Days));
    }

    /// <summary>Only the given years' days.</summary>
    public HolidayCalendar Years(IEnumerable<int> years)
    {
        var set = years.ToHashSet();
        return new HolidayCalendar(_days.Values.Where(d => set.Contains(d.Date.Year)));
    }

    /// <summary>The file format <see cref="Parse"/> reads, days in date order.</summary>
    public string ToTsv(string? header = null)
    {
        var sb = new System.Text.StringBuilder();
        if (header is not null) foreach (var line in header.Split('\n')) sb.Append("# ").Append(line).Append('\n');
        sb.Append("date\tkind\tname\n");
        foreach (var d in _days.Values.OrderBy(d => d.Date))
            sb.Append(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\t')
              .Append(d.Kind == CalendarDayKind.Holiday ? "holiday" : "workday").Append('\t').Append(d.Name).Append('\n');
        return sb.ToString();
    }

    /// <summary>Reads the holiday file (corpora/calendar/cn-holidays.tsv).</summary>
    public static HolidayCalendar Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>Parses the file's text: '#' comments, a header line <c>date kind name</c>, then one tab-separated day a line.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names the source and line.</exception>
    public static HolidayCalendar Parse(string text, string sourceName = "calendar")
    {
        ArgumentNullException.ThrowIfNull(text);
        var days = new List<CalendarDay>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("date\t", StringComparison.Ordinal)) continue;
            try
            {
                days.Add(ParseLine(line));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new FormatException($"{sourceName}, line {lineNumber}: {e.Message}", e);
            }
        }
        return new HolidayCalendar(days);
    }

    private static CalendarDay ParseLine(string line)
    {
        var fields = line.Split('\t');
        // A fourth field (the notice, as in the shared calendar file) is allowed and not kept.
        if (fields.Length is not (3 or 4)) throw new FormatException($"expected 3 tab-separated fields (date, kind, name), found {fields.Length}.");
        var date = DateOnly.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var kind = fields[1] switch
        {
            "holiday" => CalendarDayKind.Holiday,
            "workday" => CalendarDayKind.Workday,
            _ => throw new FormatException($"kind must be holiday or workday, not '{fields[1]}'."),
        };
        return new CalendarDay(date, kind, fields[2]);
    }
}
