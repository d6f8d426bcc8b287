using System.CommandLine;
using ObligationTracker.Cli.Ingestion;
using ObligationTracker.Core.Mining;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot extract PATH... [--jsonl]</c>: read, parse and mine regulations; print their obligations (FORMAT.md lines with --jsonl).</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders (recursively) to mine.", Arity = ArgumentArity.OneOrMore };
        var jsonl = new Option<bool>("--jsonl", "--json") { Description = "One FORMAT.md JSON line per obligation, with id, start, length, references and reference_types." };
        var command = new Command("extract", "Extract obligations (modality, addressees, deadlines) from regulations; nothing is stored.") { paths, jsonl };
        command.SetAction(result => Run(result.GetRequiredValue(paths), result.GetValue(jsonl), Console.Out, Console.Error));
        return command;
    }

    internal static int Run(IEnumerable<string> paths, bool jsonl, TextWriter output, TextWriter errors)
    {
        var failed = InputFiles.LoadEach(paths, errors, parsed =>
        {
            foreach (var diagnostic in parsed.Diagnostics) errors.WriteLine(diagnostic);
            if (parsed.Regulation is not { } regulation) return;
            var obligations = ObligationExtractor.Default.Extract(regulation);
            foreach (var o in obligations)
                output.WriteLine(jsonl ? ObligationJson.ToJsonLine(o) : Describe(o));
            if (!jsonl) errors.WriteLine($"{parsed.Path}: {obligations.Count} obligations");
        });
        return failed == 0 ? 0 : 1;
    }

    private static string Describe(Obligation o)
    {
        var deadline = o.Deadline is null ? "" : "  " + ObligationJson.Write(o.Deadline.ToJson());
        return $"第{o.Article}条 [{o.Modality.ToFormatName()}] {string.Join("、", o.Addressees)}{deadline}\n    {o.Text}";
    }
}
