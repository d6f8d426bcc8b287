using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace ObligationTracker.Cli.Web.Api;

/// <summary>Reads a multipart form (regulation upload, evidence; API or page) after checking its size and anti-forgery token.</summary>
/// <remarks>
/// The checks run in order of cost: the declared length (refused before anything is read), the anti-forgery token, then the
/// form with the size limit enforced while reading. The token is checked here rather than by the framework's filter,
/// which would read the whole form first and answer an oversized one with an error instead of a 413.
/// </remarks>
internal static class CheckedForm
{
    /// <summary>Room for the multipart boundaries and the other fields around the file.</summary>
    public const long Overhead = 64 * 1024;

    /// <summary>Why a form was refused.</summary>
    public enum Refusal
    {
        /// <summary>Declared or read past the limit.</summary>
        TooLarge,

        /// <summary>Not a form content type.</summary>
        NotAForm,

        /// <summary>The anti-forgery token is missing or invalid.</summary>
        BadToken,

        /// <summary>The body could not be read as a form (the reason in the detail).</summary>
        Unreadable,
    }

    /// <summary>The form, or the problem to answer: 413 (<paramref name="tooLarge"/>) past <paramref name="maxFileBytes"/>, 400 otherwise.</summary>
    public static async Task<(IFormCollection? Form, IResult? Problem)> Read(
        HttpContext http, IAntiforgery antiforgery, long maxFileBytes, string notAForm, Func<IResult> tooLarge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tooLarge);
        var (form, refusal, detail) = await Check(http, antiforgery, maxFileBytes, ct);
        return refusal switch
        {
            null => (form, null),
            Refusal.TooLarge => (null, tooLarge()),
            Refusal.NotAForm => (null, ApiProblems.BadRequest(notAForm)),
            Refusal.BadToken => (null, ApiProblems.BadRequest($"The anti-forgery token is missing or invalid: send the token from /api/me in the {WebHost.AntiforgeryHeader} header.")),
            _ => (null, ApiProblems.BadRequest($"The form could not be read: {detail}")),
        };
    }

    /// <summary>The form, or why it was refused (with the reader's message for <see cref="Refusal.Unreadable"/>).</summary>
    public static async Task<(IFormCollection? Form, Refusal? Refusal, string? Detail)> Check(
        HttpContext http, IAntiforgery antiforgery, long maxFileBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(antiforgery);
        var limit = maxFileBytes + Overhead;
        if (http.Request.ContentLength > limit) return (null, Refusal.TooLarge, null);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (!http.Request.HasFormContentType) return (null, Refusal.NotAForm, null);
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return (await http.Request.ReadFormAsync(ct), null, null);
        }
        catch (AntiforgeryValidationException)
        {
            return (null, Refusal.BadToken, null);
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Refusal.TooLarge, null);
        }
        catch (InvalidDataException ex)
        {
            return (null, Refusal.Unreadable, ex.Message);
        }
    }
}
