using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace ObligationTracker.Cli.Web.Api;

/// <summary>Reads a multipart API form (regulation upload, evidence) after checking its size and anti-forgery token.</summary>
/// <remarks>
/// The checks run in order of cost: the declared length (413 before anything is read), the anti-forgery token, then the
/// form with the size limit enforced while reading. The token is checked here rather than by the framework's filter,
/// which would read the whole form first and answer an oversized one with an error instead of a 413.
/// </remarks>
internal static class CheckedForm
{
    /// <summary>Room for the multipart boundaries and the other fields around the file.</summary>
    public const long Overhead = 64 * 1024;

    /// <summary>The form, or the problem to answer: 413 (<paramref name="tooLarge"/>) past <paramref name="maxFileBytes"/>, 400 otherwise.</summary>
    public static async Task<(IFormCollection? Form, IResult? Problem)> Read(
        HttpContext http, IAntiforgery antiforgery, long maxFileBytes, string notAForm, Func<IResult> tooLarge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(antiforgery);
        ArgumentNullException.ThrowIfNull(tooLarge);
        var limit = maxFileBytes + Overhead;
        if (http.Request.ContentLength > limit) return (null, tooLarge());
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (!http.Request.HasFormContentType) return (null, ApiProblems.BadRequest(notAForm));
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return (await http.Request.ReadFormAsync(ct), null);
        }
        catch (AntiforgeryValidationException)
        {
            return (null, ApiProblems.BadRequest($"The anti-forgery token is missing or invalid: send the token from /api/me in the {WebHost.AntiforgeryHeader} header."));
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, tooLarge());
        }
        catch (InvalidDataException ex)
        {
            return (null, ApiProblems.BadRequest($"The form could not be read: {ex.Message}"));
        }
    }
}
