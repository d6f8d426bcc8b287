using Microsoft.AspNetCore.Authentication.Cookies;

namespace ObligationTracker.Cli.Web.Security;

/// <summary>The sign-in cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over HTTPS; sliding eight hours.</summary>
/// <remarks>
/// Lax rather than Strict so a link from an e-mail reminder opens the page signed in; state changes are POST/PUT and
/// carry an anti-forgery token besides. The API answers 401/403 instead of redirecting to the sign-in page.
/// </remarks>
internal static class SignInCookie
{
    public const string Name = "ot.auth";
    public const string LoginPath = "/account/login";

    public static void Configure(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = Name;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.LoginPath = LoginPath;
        o.LogoutPath = "/account/logout";
        o.AccessDeniedPath = "/account/denied";
        o.Events.OnRedirectToLogin = c => Answer(c, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = c => Answer(c, StatusCodes.Status403Forbidden);
    }

    /// <summary>True for requests a program makes (the API, the OpenAPI document): they get status codes, not redirects.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> c, int status)
    {
        if (IsApi(c.Request) || status == StatusCodes.Status403Forbidden)
        {
            c.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }
}
