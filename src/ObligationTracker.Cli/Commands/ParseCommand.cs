using System.CommandLine;
using System.Text.Json;
using ObligationTracker.Cli.Ingestion;
using ObligationTracker.Core.Serialization;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot parse PATH... [--jsonl]</c>: read and parse files, print their structure; stores nothing.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders (recursively) to parse.", Arity = ArgumentArity.OneOrMore };
        var jsonl = new Option<bool>("--jsonl", "--json") { Description = "One JSON object per document: file, title, issuer, documentNumber, issued, effective, articles, diagnostics." };
        var command = new Command("parse", "Parse regulations and print their structure (nothing is stored).") { paths, jsonl };
        command.SetAction(result => Run(result.GetRequiredValue(paths), result.GetValue(jsonl), Console.Out, Console.Error));
        return command;
    }

    internal static int Run(IEnumerable<string> paths, bool jsonl, TextWriter output, TextWriter errors)
    {
        var failed = InputFiles.LoadEach(paths, errors, parsed =>
        {
            if (jsonl)
            {
                output.WriteLine(JsonSerializer.Serialize(ParsedDocumentJson.From(parsed), OtJson.Compact));
                foreach (var diagnostic in parsed.Diagnostics) errors.WriteLine(diagnostic);
                return;
            }

            if (parsed.Regulation is { } r)
            {
                output.WriteLine($"{parsed.Path}: {r.Title}");
                output.WriteLine($"  issuer {r.Issuer ?? "-"} | {r.DocumentNumber ?? "no document number"} | issued {r.Issued?.ToString("O") ?? "-"} | effective {r.Effective?.ToString("O") ?? "-"} | {r.Articles.Count} articles");
            }

            foreach (var diagnostic in parsed.Diagnostics) output.WriteLine("  " + diagnostic);
        });

        return failed == 0 ? 0 : 1;
    }
}
