using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ObligationTracker.Cli.Web.Security;

/// <summary>Middleware around the sign-in form's post: refuses a locked-out name or address with 429 and Retry-After, and counts the outcome.</summary>
/// <remarks>
/// It runs after routing and recognises the sign-in page by its endpoint, so another spelling of the path
/// (<c>/Account/Login/</c>) is guarded too. A failure is the page's 401 (wrong name or password); a success is its
/// redirect carrying the sign-in cookie. A post refused for its anti-forgery token (400) counts as neither.
/// </remarks>
internal static partial class SignInGuard
{
    private const string LoginPage = "/Account/Login";

    public static async Task Run(HttpContext context, Func<Task> next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType
            || context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath != LoginPage)
        {
            await next();
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var name = form["name"].ToString();
        var address = context.Connection.RemoteIpAddress;
        var throttle = context.RequestServices.GetRequiredService<SignInThrottle>();
        if (throttle.RetryAfter(name, address) is { } wait)
        {
            await Refuse(context, wait);
            return;
        }

        await next();
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            if (throttle.Failed(name, address)) LockedOut(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInGuard)), address?.ToString() ?? "?", SignInThrottle.Lockout.TotalMinutes);
        }
        else if (context.Response.StatusCode is StatusCodes.Status302Found or StatusCodes.Status303SeeOther
            && context.Response.Headers.SetCookie.Any(c => c?.StartsWith(SignInCookie.Name + "=", StringComparison.Ordinal) == true))
        {
            throttle.Succeeded(name);
        }
    }

    /// <summary>429 with Retry-After in whole seconds, and a message that says neither which limit was hit nor whether the name exists.</summary>
    private static Task Refuse(HttpContext context, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var minutes = (seconds + 59) / 60;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture,
            $"登录失败次数过多，请 {minutes} 分钟后再试。Too many failed sign-ins: try again in {minutes} minute{(minutes == 1 ? "" : "s")}.\n"), context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in locked out for {Minutes} minutes after repeated failures (last from {Address}).")]
    private static partial void LockedOut(ILogger logger, string address, double minutes);
}
