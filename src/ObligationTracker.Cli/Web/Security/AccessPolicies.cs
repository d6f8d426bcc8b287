using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using ObligationTracker.Storage.Users;

namespace ObligationTracker.Cli.Web.Security;

/// <summary>The authorization policies endpoints name.</summary>
/// <remarks>
/// Officer: everything. Institution user: reads the rules (search, regulations, obligations) and reads and writes its
/// own institution only. Auditor: reads everything, writes nothing. Not signed in: nothing but the sign-in page.
/// </remarks>
internal static class AccessPolicies
{
    /// <summary>Any signed-in user.</summary>
    public const string Reader = "reader";

    /// <summary>Compliance officers only (uploads, anything not tied to one institution that changes data).</summary>
    public const string Officer = "officer";

    /// <summary>May read the institution named by the route's <c>{id}</c>.</summary>
    public const string ReadInstitution = "read-institution";

    /// <summary>May change the tracking of the institution named by the route's <c>{id}</c>.</summary>
    public const string WriteInstitution = "write-institution";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Reader, p => p.RequireAuthenticatedUser().RequireRole(UserRoles.Officer, UserRoles.Institution, UserRoles.Auditor));
        options.AddPolicy(Officer, p => p.RequireAuthenticatedUser().RequireRole(UserRoles.Officer));
        options.AddPolicy(ReadInstitution, p => p.RequireAuthenticatedUser().AddRequirements(new InstitutionAccess(Write: false)));
        options.AddPolicy(WriteInstitution, p => p.RequireAuthenticatedUser().AddRequirements(new InstitutionAccess(Write: true)));
        options.FallbackPolicy = options.GetPolicy(Reader);
    }

    /// <summary>The route's institution id, or null when it is absent or not a number (the endpoint then answers 400).</summary>
    public static long? RouteInstitution(HttpContext context) =>
        context.GetRouteValue("id") is string s && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
