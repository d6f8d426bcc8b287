using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ObligationTracker.Cli.Web.Security;
using ObligationTracker.Storage.Register;
using ObligationTracker.Storage.Users;

namespace ObligationTracker.Cli.Web.Pages.Institutions;

/// <summary>GET /institutions: the institutions with their registers' size; an institution user goes straight to its own dashboard.</summary>
internal sealed class IndexModel(StorePool pool) : PageModel
{
    public IReadOnlyList<(StoredInstitution Institution, int Obligations, int Pending)> Institutions { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (User.Role() == UserRole.Institution) return User.InstitutionId() is { } own ? LocalRedirect(InstitutionPage.Dashboard(own)) : Forbid();
        Institutions = pool.Use(s => s.Register.Institutions.List().Select(i =>
        {
            var register = s.Register.Register.Applicable(i);
            return (i, register.Count(e => e.Active), register.Count(e => e.Active && e.Status == Core.Register.TrackingStatus.Pending));
        }).ToList());
        return Page();
    }
}
