using System.Globalization;
using System.Security.Claims;
using ObligationTracker.Storage.Users;

namespace ObligationTracker.Cli.Web.Security;

/// <summary>What the sign-in cookie says about its user: id, name, role and, for an institution user, its institution.</summary>
internal static class UserClaims
{
    public const string InstitutionClaim = "ot:institution";

    public static ClaimsPrincipal Principal(StoredUser user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Role, user.Role.Name()),
        };
        if (user.InstitutionId is { } id) claims.Add(new Claim(InstitutionClaim, id.ToString(CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static UserRole? Role(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? UserRoles.Parse(user.FindFirstValue(ClaimTypes.Role)) : null;

    /// <summary>The institution of an institution user; null for the other roles.</summary>
    public static long? InstitutionId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(InstitutionClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The name tracking history records for this user's changes.</summary>
    public static string Actor(this ClaimsPrincipal user) => "web:" + (user.Identity?.Name ?? "?");

    /// <summary>May the user see this institution's register, tracking, calendar and export?</summary>
    public static bool MayRead(this ClaimsPrincipal user, long institutionId) => user.Role() switch
    {
        UserRole.Officer or UserRole.Auditor => true,
        UserRole.Institution => user.InstitutionId() == institutionId,
        _ => false,
    };

    /// <summary>May the user change this institution's tracking?</summary>
    public static bool MayWrite(this ClaimsPrincipal user, long institutionId) => user.Role() switch
    {
        UserRole.Officer => true,
        UserRole.Institution => user.InstitutionId() == institutionId,
        _ => false,
    };
}
