using System.CommandLine;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot parse PATH... --jsonl</c>: read and parse files, print their structure.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders to parse.", Arity = ArgumentArity.OneOrMore };
        var jsonl = new Option<bool>("--jsonl") { Description = "One JSON object per document." };
        var command = new Command("parse", "Parse regulations and print their structure.") { paths, jsonl };
        command.SetAction(result =>
        {
            Console.Error.WriteLine("parse: not implemented yet");
            return 2;
        });
        return command;
    }
}
