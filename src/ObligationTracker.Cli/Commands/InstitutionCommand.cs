using System.CommandLine;
using System.Text.Json;
using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Serialization;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot institution add|list|show</c>: the institutions whose registers we keep.</summary>
internal static class InstitutionCommand
{
    public static Command Create()
    {
        var command = new Command("institution", "Add, list and show institutions (name, types, region, group).");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "The institution's unique name." };
        var types = new Option<string[]>("--type", "-t")
        {
            Description = "Canonical type or alias (消费金融公司, 城商行 …); repeat or separate with commas for several.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var region = new Option<string?>("--region") { Description = "Where it is supervised (省/市)." };
        var group = new Option<string?>("--group") { Description = "The group it belongs to." };
        var command = new Command("add", "Add an institution.") { name, types, region, group };
        command.SetAction(r => CommandBoundary.Run(Console.Error, () =>
            RunAdd(CliOptions.ResolveStore(r), r.GetRequiredValue(name), r.GetRequiredValue(types), r.GetValue(region), r.GetValue(group), TimeProvider.System, Console.Out, Console.Error)));
        return command;
    }

    private static Command List()
    {
        var json = CliOptions.Json();
        var command = new Command("list", "List institutions.") { json };
        command.SetAction(r => CommandBoundary.Run(Console.Error, () => RunList(CliOptions.ResolveStore(r), r.GetValue(json), TimeProvider.System, Console.Out)));
        return command;
    }

    private static Command Show()
    {
        var name = new Argument<string>("NAME") { Description = "Name or id." };
        var json = CliOptions.Json();
        var command = new Command("show", "Show an institution, the types it is bound as, and its register by status.") { name, json };
        command.SetAction(r => CommandBoundary.Run(Console.Error, () =>
            RunShow(CliOptions.ResolveStore(r), r.GetRequiredValue(name), r.GetValue(json), TimeProvider.System, Console.Out, Console.Error)));
        return command;
    }

    internal static int RunAdd(StoreSettings settings, string name, string[] types, string? region, string? group, TimeProvider clock, TextWriter output, TextWriter errors)
    {
        var (institution, problems) = Institution.Create(name, types, region, group, InstitutionTaxonomy.Default);
        if (institution is null) return CommandBoundary.Fail(errors, string.Join(" ", problems));
        using var store = RegulationStore.Open(settings, clock);
        var added = store.Institutions.Add(institution);
        if (added is null) return CommandBoundary.Fail(errors, $"An institution named '{institution.Name}' exists already.");
        output.WriteLine($"added {added.Id} {added.Name} ({string.Join("、", added.Types)})");
        return 0;
    }

    internal static int RunList(StoreSettings settings, bool json, TimeProvider clock, TextWriter output)
    {
        using var store = RegulationStore.Open(settings, clock);
        foreach (var i in store.Institutions.List())
            output.WriteLine(json ? JsonSerializer.Serialize(i, OtJson.Compact) : $"{i.Id,5}  {i.Name}  {string.Join("、", i.Types)}  {i.Region ?? "-"}  {i.Group ?? "-"}");
        return 0;
    }

    internal static int RunShow(StoreSettings settings, string name, bool json, TimeProvider clock, TextWriter output, TextWriter errors)
    {
        using var store = RegulationStore.Open(settings, clock);
        if (store.Institutions.Find(name) is not { } institution) return NotFound(errors, name);
        var register = store.Register.Applicable(institution);
        var byStatus = Enum.GetValues<TrackingStatus>().ToDictionary(s => s.Label(), s => register.Count(e => e.Status == s));
        var binding = store.Register.BindingTypes(institution.Types);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new { institution, bindingTypes = binding, obligations = register.Count, byStatus, review = register.Count(e => e.Tracking.ReviewRequired) }, OtJson.Compact));
            return 0;
        }

        output.WriteLine($"{institution.Name} (id {institution.Id})");
        output.WriteLine($"  types:   {string.Join("、", institution.Types)}");
        output.WriteLine($"  bound as: {string.Join("、", binding)}");
        output.WriteLine($"  region:  {institution.Region ?? "-"}   group: {institution.Group ?? "-"}");
        output.WriteLine($"  obligations: {register.Count} from {register.Select(e => e.RegulationId).Distinct().Count()} regulations; "
            + string.Join("  ", byStatus.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value}"))
            + $"; to review after revisions: {register.Count(e => e.Tracking.ReviewRequired)}");
        return 0;
    }

    internal static int NotFound(TextWriter errors, string name) =>
        CommandBoundary.Fail(errors, $"No institution named '{name}' (see `ot institution list`).");
}
