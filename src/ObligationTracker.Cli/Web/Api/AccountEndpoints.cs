using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using ObligationTracker.Cli.Web.Security;

namespace ObligationTracker.Cli.Web.Api;

/// <summary>GET /api/me: who is signed in, and the anti-forgery token their PUT and POST calls must carry.</summary>
internal static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/me", Me).WithTags("Account").WithSummary("The signed-in user, and the anti-forgery token to send in the RequestVerificationToken header.")
            .RequireAuthorization(AccessPolicies.Reader);

    private static Me Me(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var user = http.User;
        return new Me(user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role)!, user.InstitutionId(), tokens.HeaderName ?? WebHost.AntiforgeryHeader, tokens.RequestToken!);
    }
}

/// <param name="AntiforgeryHeader">The header that carries <paramref name="AntiforgeryToken"/> on state-changing calls.</param>
internal sealed record Me(string Name, string Role, long? InstitutionId, string AntiforgeryHeader, string AntiforgeryToken);
