using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ObligationTracker.Cli.Web;

/// <summary>Where a request's exceptions stop: a ProblemDetails with a message a person can act on, never a stack trace.</summary>
/// <remarks>
/// A malformed request (unreadable JSON, a missing anti-forgery token, a body over the size limit) arrives as a
/// <see cref="BadHttpRequestException"/> whose status (400, 413) and message are passed on. Anything else is our fault:
/// 500 with a generic message; the details go to the log only.
/// </remarks>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request", bad.Message),
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => (400, "Bad request", "The anti-forgery token is missing or invalid: send the token from /api/me in the RequestVerificationToken header."),
            _ => (500, "Server error", "The request failed on the server; the error was logged."),
        };
        if (status >= 500) log.LogError(exception, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
