using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Scheduling.Export;

/// <summary>An institution's due dates as an iCalendar feed (RFC 5545) that Outlook or any calendar can subscribe to.</summary>
/// <remarks>
/// One all-day event per due date; its UID is stable (institution, obligation, date), so a refreshed feed updates
/// the subscriber's events instead of adding copies. A provisional date says so in its summary and description.
/// </remarks>
public static class DueDateIcs
{
    public static string Build(StoredInstitution institution, IEnumerable<(RegisterEntry Entry, DueDate Due)> dates, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(institution);
        ArgumentNullException.ThrowIfNull(dates);
        var calendar = new Ical.Net.Calendar { ProductId = "-//ObligationTracker//Due dates//ZH", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", $"{institution.Name} 合规到期日");
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Shanghai");
        var utc = new CalDateTime(stamp.UtcDateTime, "UTC");
        foreach (var (entry, due) in dates)
        {
            var title = $"{entry.RegulationTitle}{(entry.Article > 0 ? $" 第{entry.Article}条" : "")}";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = string.Create(CultureInfo.InvariantCulture, $"{institution.Id}-{entry.ObligationId}-{due.Date:yyyyMMdd}@obligation-tracker"),
                DtStamp = utc,
                DtStart = new CalDateTime(due.Date),
                DtEnd = new CalDateTime(due.Date.AddDays(1)),
                Summary = (due.IsProvisional ? "[暂定] " : "") + "到期: " + title,
                Description = string.Join("\n", new[]
                {
                    entry.Text,
                    entry.DocumentNumber is null ? null : "文号: " + entry.DocumentNumber,
                    "依据: " + due.Basis,
                    due.ShiftedFrom is { } from ? $"原到期日 {from:yyyy-MM-dd} 为休息日，顺延（民法典第二百零三条）" : null,
                    due.Warning,
                }.Where(s => s is not null)),
                Transparency = "TRANSPARENT",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
