using ObligationTracker.Cli.Commands;
using ObligationTracker.Cli.Export;
using ObligationTracker.Cli.Queries;
using ObligationTracker.Cli.Web.Security;
using ObligationTracker.Core.Calendar;
using ObligationTracker.Scheduling.Export;

namespace ObligationTracker.Cli.Web.Api;

/// <summary>An institution's due dates as iCalendar (subscribe in Outlook) and its register as an Excel workbook.</summary>
internal static class ExportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/institutions/{id}").WithTags("Export");
        group.MapGet("/calendar.ics", Calendar).RequireAuthorization(AccessPolicies.ReadInstitution)
            .WithSummary("The due dates from 30 days back to a year ahead as an iCalendar feed (one all-day event per date, stable UIDs).")
            .Produces(200, contentType: "text/calendar").ProducesProblem(400).ProducesProblem(404);
        group.MapGet("/register.xlsx", Register).RequireAuthorization(AccessPolicies.ReadInstitution)
            .WithSummary("The register (all but closed obligations) as an .xlsx workbook, as `ot obligations --xlsx` writes it.")
            .Produces(200, contentType: RegisterWorkbook.ContentType).ProducesProblem(400).ProducesProblem(404);
    }

    private static IResult Calendar(StorePool pool, HolidayCalendar calendar, TimeProvider clock, string id) => InstitutionRoute.With(pool, id, (s, institution) =>
    {
        var today = CliDates.Today(clock);
        var dated = new InstitutionRegister(s.Register, s.Reminders, calendar).Dated(institution, today.AddDays(-30), today.AddYears(1), today);
        return Results.Text(DueDateIcs.Build(institution, dated, clock.GetUtcNow()), "text/calendar; charset=utf-8");
    });

    private static IResult Register(StorePool pool, string id) => InstitutionRoute.With(pool, id, (s, institution) =>
    {
        var buffer = new MemoryStream();
        RegisterWorkbook.Write(buffer, institution, InstitutionRegister.Entries(s.Register, institution, null, null));
        buffer.Position = 0;
        return Results.File(buffer, RegisterWorkbook.ContentType, $"register-{institution.Id}.xlsx");
    });
}
