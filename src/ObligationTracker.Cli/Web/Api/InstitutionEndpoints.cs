using System.Security.Claims;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Cli.Queries;
using ObligationTracker.Cli.Web.Security;
using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Register;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Web.Api;

/// <summary>Institutions, their registers (applicable obligations with tracking and due dates) and dashboards.</summary>
internal static class InstitutionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/institutions").WithTags("Institutions");
        group.MapGet("/", List).RequireAuthorization(AccessPolicies.Reader)
            .WithSummary("The institutions (an institution user sees its own only).");
        group.MapGet("/{id}", Show).RequireAuthorization(AccessPolicies.ReadInstitution)
            .WithSummary("One institution: its types, the types it is bound as, its register counted by status.")
            .Produces<InstitutionDetail>().ProducesProblem(400).ProducesProblem(404);
        group.MapGet("/{id}/obligations", Obligations).RequireAuthorization(AccessPolicies.ReadInstitution)
            .WithSummary($"A page of the obligations that bind the institution (page from 1, size default {ApiFilters.DefaultSize}, at most {ApiFilters.MaxSize}), with tracking "
                + "status, owner, notes and the next due date; status = a tracking status (without it, all but closed); modality = obligation, prohibition "
                + "or permission; regulation = id, document number, title or file name.")
            .Produces<RegisterPage>().ProducesProblem(400).ProducesProblem(404);
        group.MapGet("/{id}/dashboard", Dashboard).RequireAuthorization(AccessPolicies.ReadInstitution).RequireRateLimiting(RegisterWorkLimit.PolicyName)
            .WithSummary($"Counts by status, the due dates of the next {InstitutionRegister.DashboardDays} days, and what is overdue.")
            .Produces<DashboardView>().ProducesProblem(400).ProducesProblem(404);
    }

    private static IResult List(StorePool pool, ClaimsPrincipal user) => pool.Use(s =>
    {
        var own = user.Role() == Storage.Users.UserRole.Institution ? user.InstitutionId() : null;
        return Results.Ok(s.Register.Institutions.List().Where(i => own is null || i.Id == own).Select(InstitutionSummary.From).ToList());
    });

    private static IResult Show(StorePool pool, string id) => InstitutionRoute.With(pool, id, (s, institution) =>
    {
        var register = s.Register.Register.Applicable(institution);
        return Results.Ok(new InstitutionDetail(
            institution.Id, institution.Name, institution.Types, s.Register.Register.BindingTypes(institution.Types), institution.Region, institution.Group,
            register.Count(e => e.Active), Enum.GetValues<TrackingStatus>().ToDictionary(TrackingCodes.Of, st => register.Count(e => e.Status == st)),
            register.Count(e => e.Tracking.ReviewRequired)));
    });

    /// <param name="status">Only this status (label or English spelling); without it, all but closed.</param>
    private static IResult Obligations(StorePool pool, HolidayCalendar calendar, TimeProvider clock, string id, string? status, string? modality, string? regulation, string? page, string? size)
    {
        if (!ApiFilters.TryPage(page, size, out var n, out var per, out var problem) || !ApiFilters.TryModality(modality, out var onlyModality, out problem)) return problem!;
        TrackingStatus? only = null;
        if (!string.IsNullOrWhiteSpace(status) && (only = TrackingStatusLabels.Parse(status)) is null)
            return ApiProblems.BadRequest($"Unknown status '{status}'; use one of {string.Join(", ", TrackingStatusLabels.AllLabels)}.");
        return InstitutionRoute.With(pool, id, (s, institution) =>
        {
            long? regulationId = null;
            if (!string.IsNullOrWhiteSpace(regulation))
            {
                if (s.Register.Find(regulation) is not { } one) return ApiProblems.NotFound($"No stored regulation matches '{regulation}' (id, document number, title or file name).");
                regulationId = one.Id;
            }

            var (total, lines) = new InstitutionRegister(s.Register, s.Reminders, calendar).Page(institution, CliDates.Today(clock),
                e => (only is { } st ? e.Status == st : e.Status != TrackingStatus.Closed)
                    && (onlyModality is null || e.Modality == onlyModality)
                    && (regulationId is null || e.RegulationId == regulationId),
                ApiFilters.Skip(n, per), per);
            return Results.Ok(new RegisterPage(total, n, per, lines));
        });
    }

    private static IResult Dashboard(StorePool pool, DashboardCache dashboards, TimeProvider clock, string id) =>
        InstitutionRoute.With(pool, id, (s, institution) => Results.Ok(dashboards.Get(s, institution, CliDates.Today(clock))));
}

/// <summary>A page of an institution's register; <paramref name="Total"/> counts every line the filters keep.</summary>
internal sealed record RegisterPage(int Total, int Page, int Size, IReadOnlyList<RegisterLine> Obligations);

/// <summary>An institution in a list.</summary>
internal sealed record InstitutionSummary(long Id, string Name, IReadOnlyList<string> Types, string? Region, string? Group)
{
    public static InstitutionSummary From(StoredInstitution i) => new(i.Id, i.Name, i.Types, i.Region, i.Group);
}

/// <summary>An institution with the types it is bound as and its register counted by status (English spellings).</summary>
internal sealed record InstitutionDetail(
    long Id, string Name, IReadOnlyList<string> Types, IReadOnlyList<string> BindingTypes, string? Region, string? Group,
    int Obligations, IReadOnlyDictionary<string, int> ByStatus, int ReviewRequired);
