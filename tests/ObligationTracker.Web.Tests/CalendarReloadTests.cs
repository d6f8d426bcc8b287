using ObligationTracker.Cli.Commands;
using ObligationTracker.Core.Calendar;
using Xunit;

namespace ObligationTracker.Web.Tests;

/// <summary>`ot calendar import` while the app runs: the register, the dashboard and the .ics use the new year at once.</summary>
/// <remarks>
/// The consumer finance sample's 施行之日(2026-05-01)起六个月内 ends on Sunday 2026-11-01 and moves to Monday 2026-11-02.
/// The imported 2026 is the shipped one with 2026-11-02 declared a holiday, so the limit moves on to Tuesday 2026-11-03.
/// </remarks>
[Collection(WebAppCollection.Name)]
public sealed class CalendarReloadTests(WebAppFixture app)
{
    private const string SixMonths = "施行之日起六个月内";

    [Fact]
    public async Task CalendarImport_WhileServing_DueDatesMoveWithoutARestart()
    {
        var client = await app.As(Users.Own);
        var before = await DueDates(client);
        var file = Path.Combine(app.DataDirectory, "holiday-2026.tsv");
        var year = HolidayCalendar.Default.Years([2026]).Days.Append(new CalendarDay(new DateOnly(2026, 11, 2), CalendarDayKind.Holiday, "测试调休"));
        await File.WriteAllTextAsync(file, new HolidayCalendar(year).ToTsv("test: 2026 with one more holiday"));
        try
        {
            Assert.Equal(0, CalendarCommand.Import(app.DataDirectory, file, 2026, TextWriter.Null));

            var after = await DueDates(client);

            Assert.Equal(("2026-11-02", "2026-11-02", true), before);
            Assert.Equal(("2026-11-03", "2026-11-03", true), after);
        }
        finally
        {
            File.Delete(Path.Combine(app.DataDirectory, CalendarOverride.FileName));
        }

        Assert.Equal(before, await DueDates(client));
    }

    /// <summary>The six-month limit's date in the register and on the dashboard, and whether the .ics has an event that day.</summary>
    private async Task<(string? Register, string? Dashboard, bool Ics)> DueDates(WebClient client)
    {
        var own = $"/api/institutions/{app.OwnInstitution}";
        var register = (await client.GetJson($"{own}/obligations?size=1000")).GetProperty("obligations").EnumerateArray()
            .Single(l => l.GetProperty("text").GetString()!.Contains(SixMonths, StringComparison.Ordinal));
        var dashboard = (await client.GetJson($"{own}/dashboard")).GetProperty("nextDeadlines").EnumerateArray()
            .Single(d => d.GetProperty("text").GetString()!.Contains(SixMonths, StringComparison.Ordinal));
        var date = register.GetProperty("computedDue").GetProperty("date").GetString();
        var ics = await client.Http.GetStringAsync(new Uri($"{own}/calendar.ics", UriKind.Relative));
        return (date, dashboard.GetProperty("date").GetString(), ics.Contains($"DTSTART;VALUE=DATE:{date!.Replace("-", "", StringComparison.Ordinal)}", StringComparison.Ordinal));
    }
}
