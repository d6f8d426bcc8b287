using System.CommandLine;
using System.Text.Json;
using ObligationTracker.Cli.Commands;
using Xunit;

namespace ObligationTracker.Cli.Tests.Commands;

public class ParseErrorsTests
{
    private static (int? Code, string Output, string Errors) Report(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(SearchCommand.Create());
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = ParseErrors.Report(root.Parse(args), args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Report_OptionValueOfTheWrongKind_SaysWhatKindInsteadOfATypeName()
    {
        var (code, output, errors) = Report("search", "数据", "--top", "abc");

        Assert.Equal(CommandBoundary.UsageError, code);
        Assert.Contains("'abc' for option '--top' as a whole number", errors);
        Assert.DoesNotContain("System.", errors);
        Assert.Contains("ot search --help", errors);
        Assert.Equal("", output); // not the help text
    }

    [Fact]
    public void Report_WithJson_WritesTheErrorAsJsonOnStandardOutput()
    {
        var (code, output, _) = Report("search", "数据", "--from", "2020年", "--json");

        Assert.Equal(CommandBoundary.UsageError, code);
        Assert.Contains("'2020年' for option '--from'", JsonDocument.Parse(output).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void Report_ValidCommandLine_LeavesItToTheCommand()
    {
        var (code, output, errors) = Report("search", "数据", "--top", "5");

        Assert.Null(code);
        Assert.Equal("", output + errors);
    }
}
