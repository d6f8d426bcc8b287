using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ObligationTracker.Cli.Web.Pages.Institutions;
using ObligationTracker.Cli.Web.Security;
using ObligationTracker.Storage.Users;

namespace ObligationTracker.Cli.Web.Pages;

/// <summary>GET /: an institution user lands on its own dashboard; officers and auditors on the search box and the institutions.</summary>
internal sealed class IndexModel(StorePool pool) : PageModel
{
    public int Regulations { get; private set; }

    public IReadOnlyList<(long Id, string Name)> Institutions { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (User.Role() == UserRole.Institution) return User.InstitutionId() is { } own ? LocalRedirect(InstitutionPage.Dashboard(own)) : Forbid();
        (Regulations, Institutions) = pool.Use(s => (s.Register.List().Count, (IReadOnlyList<(long, string)>)[.. s.Register.Institutions.List().Select(i => (i.Id, i.Name))]));
        return Page();
    }
}
