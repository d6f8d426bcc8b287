using System.CommandLine;
using System.Text;
using ObligationTracker.Core.Mining;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot extract PATH... [--jsonl]</c>: mine obligations from regulations and print them (FORMAT.md lines with --jsonl).</summary>
internal static class ExtractCommand
{
    private static readonly string[] Extensions = [".md", ".txt"];

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Regulation files (.md, .txt) or folders of them.", Arity = ArgumentArity.OneOrMore };
        var jsonl = new Option<bool>("--jsonl") { Description = "One FORMAT.md JSON line per obligation (with id, start, length, references, reference_types)." };
        var command = new Command("extract", "Extract obligations (modality, addressees, deadlines) from regulations.") { paths, jsonl };
        command.SetAction(result => Run(result.GetValue(paths) ?? [], result.GetValue(jsonl)));
        return command;
    }

    private static int Run(string[] paths, bool jsonl)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path).Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal));
            else if (File.Exists(path))
                files.Add(path);
            else
            {
                Console.Error.WriteLine($"{path}: no such file or folder");
                return 2;
            }
        }

        var failures = 0;
        foreach (var file in files)
        {
            try
            {
                // Until the ingest readers land, plain text is read here; the extractor reads its 第X条 articles.
                var text = File.ReadAllText(file, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
                var obligations = ObligationExtractor.Default.ExtractFromText(Path.GetFileName(file), text);
                foreach (var o in obligations)
                    Console.WriteLine(jsonl ? ObligationJson.ToJsonLine(o) : Describe(o));
                if (!jsonl) Console.Error.WriteLine($"{Path.GetFileName(file)}: {obligations.Count} obligations");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
            {
                Console.Error.WriteLine($"{file}: {e.Message}");
                failures++;
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private static string Describe(Obligation o)
    {
        var deadline = o.Deadline is null ? "" : " ⏱ " + o.Deadline.ToJson().ToJsonString();
        return $"{o.Doc} 第{o.Article}条 [{o.Modality.ToFormatName()}] {string.Join("、", o.Addressees)}{deadline}\n    {o.Text}";
    }
}
