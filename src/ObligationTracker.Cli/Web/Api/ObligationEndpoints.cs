using ObligationTracker.Cli.Web.Security;
using ObligationTracker.Core.Institutions;

namespace ObligationTracker.Cli.Web.Api;

/// <summary>GET /api/obligations: the mined obligations of every regulation (or one), filtered by institution type and modality.</summary>
internal static class ObligationEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/obligations", List).WithTags("Obligations").RequireAuthorization(AccessPolicies.Reader)
            .WithSummary("Obligations as mined, in regulation and article order; regulation = id, document number, title or file name; "
                + "type = an institution type (an obligation of an ancestor type binds it too); modality = obligation, prohibition or permission.")
            .Produces<ObligationPage>().ProducesProblem(400).ProducesProblem(404);

    private static IResult List(StorePool pool, string? regulation, string? type, string? modality, string? page, string? size)
    {
        if (!ApiFilters.TryPage(page, size, out var n, out var per, out var problem) || !ApiFilters.TryModality(modality, out var only, out problem)) return problem!;
        string? canonical = null;
        if (!string.IsNullOrWhiteSpace(type) && (canonical = InstitutionTaxonomy.Default.Canonicalise(type.Trim())) is null)
            return ApiProblems.BadRequest($"Unknown institution type '{type}'. Known types: {string.Join("、", InstitutionTaxonomy.Default.Types.Select(t => t.Name))}.");

        return pool.Use(s =>
        {
            var regulations = s.Register.List();
            if (!string.IsNullOrWhiteSpace(regulation))
            {
                if (s.Register.Find(regulation) is not { } one) return ApiProblems.NotFound($"No stored regulation matches '{regulation}' (id, document number, title or file name).");
                regulations = [one];
            }

            var binding = canonical is null ? null : s.Register.Register.BindingTypes([canonical]).ToHashSet(StringComparer.Ordinal);
            var all = regulations.SelectMany(r => s.Register.Obligations(r.Id).Select(o => (Regulation: r, Obligation: o)))
                .Where(x => binding is null || x.Obligation.Addressees.Concat(x.Obligation.ReferenceTypes).Any(binding.Contains))
                .Where(x => only is null || x.Obligation.Modality == only)
                .ToList();
            var items = all.Skip(ApiFilters.Skip(n, per)).Take(per)
                .Select(x => new ObligationItem(x.Regulation.Id, x.Regulation.Title, x.Regulation.DocumentNumber, x.Obligation.Article, ProvisionView.From(x.Obligation)))
                .ToList();
            return Results.Ok(new ObligationPage(all.Count, n, per, items));
        });
    }
}

/// <summary>A page of obligations; <paramref name="Total"/> counts them all.</summary>
internal sealed record ObligationPage(int Total, int Page, int Size, IReadOnlyList<ObligationItem> Obligations);

/// <summary>An obligation with the regulation and article it stands in.</summary>
internal sealed record ObligationItem(long RegulationId, string Regulation, string? DocumentNumber, int Article, ProvisionView Provision);
