using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Cli.Queries;
using ObligationTracker.Cli.Web.Security;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Web.Pages.Institutions;

/// <summary>GET /institutions/{id}: counts by status, coming deadlines, what is overdue, the register grouped by status, and the latest changes.</summary>
/// <remarks>Readable by officers and auditors, and by the institution's own users; anyone else gets 403.</remarks>
[Authorize(Policy = AccessPolicies.ReadInstitution)]
internal sealed class DashboardModel(StorePool pool, DashboardCache dashboards, TimeProvider clock) : PageModel
{
    public const int RecentChanges = 15;

    public StoredInstitution Institution { get; private set; } = null!;

    public DashboardView Dashboard { get; private set; } = null!;

    /// <summary>The register, closed obligations included, by status code in <see cref="Display.StatusOrder"/>.</summary>
    public IReadOnlyList<(string Status, IReadOnlyList<RegisterLine> Lines)> Groups { get; private set; } = [];

    public IReadOnlyList<(RegisterLine? Line, long ObligationId, HistoryEntry Change)> Changes { get; private set; } = [];

    public bool MayWrite { get; private set; }

    public IActionResult OnGet(long id)
    {
        var today = CliDates.Today(clock);
        var found = pool.Use(s =>
        {
            if (InstitutionPage.Find(s, id) is not { } institution) return default((StoredInstitution, DashboardView, IReadOnlyList<RegisterLine>, IReadOnlyList<(long ObligationId, HistoryEntry Change)>)?);
            var (dashboard, lines) = dashboards.Overview(s, institution, today);
            return (institution, dashboard, lines, s.Register.Tracking.Recent(institution.Id, RecentChanges));
        });
        if (found is not var (institution, dashboard, lines, recent)) return NotFound();

        Institution = institution;
        Dashboard = dashboard;
        MayWrite = User.MayWrite(id);
        var byStatus = lines.ToLookup(l => l.StatusCode);
        Groups = [.. Display.StatusOrder.Select(code => (code, (IReadOnlyList<RegisterLine>)[.. byStatus[code].OrderBy(l => l.DueDate ?? DateOnly.MaxValue).ThenBy(l => l.RegulationId).ThenBy(l => l.Article)]))];
        var byId = lines.ToDictionary(l => l.ObligationId);
        Changes = [.. recent.Select(r => (byId.GetValueOrDefault(r.ObligationId), r.ObligationId, r.Change))];
        return Page();
    }
}
