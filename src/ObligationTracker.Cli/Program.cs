using System.CommandLine;
using System.Text;
using ObligationTracker.Cli;
using ObligationTracker.Cli.Commands;

Console.OutputEncoding = new UTF8Encoding(false);

var root = new RootCommand("ObligationTracker: Chinese financial regulations as a searchable, trackable register of obligations.");
root.Options.Add(CliOptions.Data);
root.Options.Add(CliOptions.Store);
root.Subcommands.Add(ParseCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(InstitutionCommand.Create());
root.Subcommands.Add(ObligationsCommand.Create());
root.Subcommands.Add(TrackCommand.Create());
root.Subcommands.Add(ChangesCommand.Create());
root.Subcommands.Add(RegulationCommand.Create());
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(IndexCommand.Create());
root.Subcommands.Add(CalendarCommand.Create());
root.Subcommands.Add(EventCommand.Create());
root.Subcommands.Add(RemindCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(UserCommand.Create());

var parsed = root.Parse(args);
return ParseErrors.Report(parsed, args, Console.Out, Console.Error) ?? await parsed.InvokeAsync();
