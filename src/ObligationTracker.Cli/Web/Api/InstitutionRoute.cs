using ObligationTracker.Cli.Web.Pages.Institutions;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Web.Api;

/// <summary>The institution named by a route's <c>{id}</c>: 400 when the id is malformed, 404 when there is no such institution.</summary>
internal static class InstitutionRoute
{
    public static IResult With(StorePool pool, string id, Func<Stores, StoredInstitution, IResult> work)
    {
        if (!ApiProblems.TryId(id, "an institution", out var number, out var problem)) return problem!;
        return pool.Use(stores => InstitutionPage.Find(stores, number) is { } institution
            ? work(stores, institution)
            : ApiProblems.NotFound($"There is no institution {number}."));
    }
}
