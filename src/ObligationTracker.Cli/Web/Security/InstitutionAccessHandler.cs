using Microsoft.AspNetCore.Authorization;
using ObligationTracker.Storage.Users;

namespace ObligationTracker.Cli.Web.Security;

/// <summary>Access to one institution's data, named by the route's <c>{id}</c>.</summary>
internal sealed record InstitutionAccess(bool Write) : IAuthorizationRequirement;

/// <summary>Decides <see cref="InstitutionAccess"/> from the user's role and institution.</summary>
/// <remarks>
/// An officer or auditor with a malformed id is let through so the endpoint can say what is wrong (400); an institution
/// user is refused, since the id cannot be its own.
/// </remarks>
internal sealed class InstitutionAccessHandler : AuthorizationHandler<InstitutionAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, InstitutionAccess requirement)
    {
        var http = context.Resource as HttpContext;
        var role = context.User.Role();
        var id = http is null ? null : AccessPolicies.RouteInstitution(http);
        var allowed = role switch
        {
            UserRole.Officer => true,
            UserRole.Auditor => !requirement.Write,
            UserRole.Institution => id is { } i && context.User.InstitutionId() == i,
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
