using System.CommandLine;
using System.Text.Json;
using ObligationTracker.Core.Serialization;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Register;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot changes REGULATION</c>: what a revision changed, old and new side by side (对照).</summary>
internal static class ChangesCommand
{
    private static readonly Dictionary<string, string> ChangeLabels = new(StringComparer.Ordinal)
    {
        ["added"] = "新增", ["changed"] = "修改", ["removed"] = "删除", ["moved"] = "移动",
    };

    public static Command Create()
    {
        var regulation = new Argument<string>("REGULATION") { Description = "Document number, title, file name or store id." };
        var from = new Option<int?>("--from") { Description = "Older version (default: the one before --to)." };
        var to = new Option<int?>("--to") { Description = "Newer version (default: the current one)." };
        var json = CliOptions.Json();
        var command = new Command("changes", "List added, changed and removed articles and obligations between two versions of a regulation.") { regulation, from, to, json };
        command.SetAction(r => CommandBoundary.Run(Console.Error, () => Run(
            CliOptions.ResolveStore(r), r.GetRequiredValue(regulation), r.GetValue(from), r.GetValue(to), r.GetValue(json), TimeProvider.System, Console.Out, Console.Error)));
        return command;
    }

    internal static int Run(StoreSettings settings, string reference, int? from, int? to, bool json, TimeProvider clock, TextWriter output, TextWriter errors)
    {
        using var store = RegulationStore.Open(settings, clock);
        if (store.Find(reference) is not { } regulation) return CommandBoundary.Fail(errors, $"No stored regulation matches '{reference}' (document number, title, file name or id).");
        if (regulation.Version == 1 && from is null && to is null)
        {
            output.WriteLine($"{regulation.Title}: only one version is stored; nothing to compare.");
            return 0;
        }

        if (store.Changes.Between(regulation, from, to) is not { } changes)
            return CommandBoundary.Fail(errors, $"{regulation.Title} has versions 1 to {regulation.Version}; --from/--to must be among them.");
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(changes, OtJson.Compact));
            return 0;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 140;
        console.WriteLine($"{regulation.Title}  第{changes.FromVersion}版 → 第{changes.ToVersion}版   条文：{Count(changes.Articles)}，未变 {changes.UnchangedArticles}");
        console.Write(Table("条文对照", changes.Articles));
        console.WriteLine($"义务：{Count(changes.Obligations)}");
        console.Write(Table("义务对照", changes.Obligations));
        return 0;
    }

    private static string Count(IReadOnlyList<ChangedText> items) =>
        string.Join("，", ChangeLabels.Select(kv => $"{kv.Value} {items.Count(i => i.Change == kv.Key)}"));

    private static Table Table(string title, IReadOnlyList<ChangedText> items)
    {
        var table = new Table { Title = new TableTitle(title), Border = TableBorder.Simple, Expand = true };
        table.AddColumn(new TableColumn("变化") { NoWrap = true });
        table.AddColumn("原条文");
        table.AddColumn("新条文");
        foreach (var i in items)
            table.AddRow(Cell(ChangeLabels.GetValueOrDefault(i.Change, i.Change)), Cell(i.OldArticle, i.OldText), Cell(i.NewArticle, i.NewText));
        return table;
    }

    private static IRenderable Cell(int? article, string? text) => Cell(article is null ? "" : $"第{article}条 {text}");

    private static IRenderable Cell(string text) => new Text(text);
}
