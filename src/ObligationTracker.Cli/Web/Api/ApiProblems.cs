using System.Globalization;

namespace ObligationTracker.Cli.Web.Api;

/// <summary>The API's answers to bad input and missing things: ProblemDetails with a message saying what is wrong.</summary>
internal static class ApiProblems
{
    public static IResult BadRequest(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static IResult NotFound(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult TooLarge(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large");

    /// <summary>A route id: a positive whole number.</summary>
    public static bool TryId(string text, string what, out long id, out IResult? problem)
    {
        problem = null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0) return true;
        problem = BadRequest($"'{text}' is not {what} id: ids are positive whole numbers.");
        return false;
    }

    /// <summary>An optional whole-number query parameter; null when absent.</summary>
    public static bool TryInt(string? text, string name, out int? value, out IResult? problem)
    {
        value = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            value = v;
            return true;
        }

        problem = BadRequest($"{name} '{text}' is not a whole number.");
        return false;
    }
}
