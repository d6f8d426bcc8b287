using ObligationTracker.Core.Calendar;
using Quartz;
using BaseCalendar = Quartz.Impl.Calendar.BaseCalendar;
using HolidayCalendar = ObligationTracker.Core.Calendar.HolidayCalendar;

namespace ObligationTracker.Scheduling.Calendars;

/// <summary>The Chinese working-day calendar as a Quartz calendar: a trigger modified by it fires only on working days
/// (调休 weekends included, public holidays excluded), on China time.</summary>
/// <remarks>A year the holiday file does not cover is Monday–Friday here too, like every date computed on it.</remarks>
public sealed class WorkingDayCalendar : BaseCalendar
{
    public const string Name = "cn-working-days";

    public WorkingDayCalendar(HolidayCalendar days)
        : base(ChinaTime.Zone)
    {
        ArgumentNullException.ThrowIfNull(days);
        Days = days;
        Description = "中国法定工作日（含调休）";
    }

    public HolidayCalendar Days { get; internal set; }

    public override bool IsTimeIncluded(DateTimeOffset timeStampUtc) =>
        base.IsTimeIncluded(timeStampUtc) && Days.IsWorkingDay(LocalDate(timeStampUtc));

    public override DateTimeOffset GetNextIncludedTimeUtc(DateTimeOffset timeUtc)
    {
        var candidate = base.GetNextIncludedTimeUtc(timeUtc);
        for (var guard = 0; guard < 800; guard++)
        {
            var date = LocalDate(candidate);
            if (Days.IsWorkingDay(date)) return candidate;
            // Next local midnight, then ask the base calendar again.
            var midnight = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeZone.GetUtcOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue)));
            candidate = base.GetNextIncludedTimeUtc(midnight.ToUniversalTime());
        }

        throw new InvalidOperationException("No working day in the next 800 days: the holiday calendar is wrong.");
    }

    public override ICalendar Clone() => CloneFields(new WorkingDayCalendar(Days));

    private DateOnly LocalDate(DateTimeOffset utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, TimeZone).DateTime);
}
