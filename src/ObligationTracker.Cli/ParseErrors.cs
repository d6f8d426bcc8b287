using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ObligationTracker.Cli;

/// <summary>Command lines the parser refuses (an unknown option, --top abc): the reasons in the user's terms and the usage
/// exit code, as a command's own input errors are reported, instead of the whole help text on stdout.</summary>
internal static partial class ParseErrors
{
    /// <summary>Reports <paramref name="parsed"/>'s errors and returns the usage exit code, or null where it has none.</summary>
    public static int? Report(ParseResult parsed, IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        if (parsed.Errors.Count == 0) return null;
        var messages = parsed.Errors.Select(e => Plain(e.Message)).Distinct().ToList();
        if (args.Contains("--json")) output.WriteLine(JsonSerializer.Serialize(new { error = string.Join(" ", messages) }, JsonOptions));
        foreach (var message in messages) errors.WriteLine($"error: {message}");
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Add(result.Command.Name);
        names[^1] = "ot"; // the root is named after the executable
        names.Reverse();
        errors.WriteLine($"({string.Join(' ', names)} --help lists the options)");
        return CommandBoundary.UsageError;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The parser's message with .NET type names said as kinds of value (System.Int32 → a whole number).</summary>
    internal static string Plain(string message) => TypeName().Replace(message, m => m.Groups[1].Value switch
    {
        var t when t.Contains("Int32", StringComparison.Ordinal) || t.Contains("Int64", StringComparison.Ordinal) => "as a whole number",
        var t when t.Contains("Double", StringComparison.Ordinal) || t.Contains("Decimal", StringComparison.Ordinal) => "as a number",
        var t when t.Contains("DateOnly", StringComparison.Ordinal) => "as a date (yyyy-mm-dd)",
        var t when t.Contains("Boolean", StringComparison.Ordinal) => "as true or false",
        _ => "",
    }).Replace(" .", ".", StringComparison.Ordinal);

    [GeneratedRegex(@"as expected type '([^']*)'")]
    private static partial Regex TypeName();
}
