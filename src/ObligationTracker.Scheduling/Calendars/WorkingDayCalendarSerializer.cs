using System.Text.Json;
using ObligationTracker.Core.Calendar;
using Quartz.Serialization.SystemTextJson.Calendars;

namespace ObligationTracker.Scheduling.Calendars;

/// <summary>Stores a <see cref="WorkingDayCalendar"/> in the job store as its holiday days (the holiday file's text).</summary>
internal sealed class WorkingDayCalendarSerializer : CalendarSerializer<WorkingDayCalendar>
{
    public override string CalendarTypeName => "ObligationTracker.WorkingDays";

    protected override WorkingDayCalendar Create(JsonElement jsonElement, JsonSerializerOptions options) => new(new HolidayCalendar([]));

    protected override void SerializeFields(Utf8JsonWriter writer, WorkingDayCalendar calendar, JsonSerializerOptions options) =>
        writer.WriteString("days", calendar.Days.ToTsv());

    protected override void DeserializeFields(WorkingDayCalendar calendar, JsonElement jsonElement, JsonSerializerOptions options) =>
        calendar.Days = HolidayCalendar.Parse(jsonElement.GetProperty("days").GetString() ?? "", "job store");
}
