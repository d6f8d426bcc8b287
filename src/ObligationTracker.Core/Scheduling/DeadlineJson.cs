using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ObligationTracker.Core.Mining.Deadlines;

namespace ObligationTracker.Core.Scheduling;

/// <summary>Reads FORMAT.md's deadline object (as <see cref="Deadline.ToJson"/> writes it and the store keeps it) back into a <see cref="Deadline"/>.</summary>
public static class DeadlineJson
{
    /// <summary>The deadline, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static Deadline? Parse(string json, out string? error)
    {
        error = null;
        try
        {
            if (JsonNode.Parse(json) is not JsonObject o) throw new FormatException("not a JSON object");
            string? S(string name) => o[name]?.GetValue<string>();
            bool B(string name) => o[name]?.GetValue<bool>() ?? false;
            int? I(string name) => o[name]?.GetValue<int>();
            return S("kind") switch
            {
                "absolute" => Deadline.Absolute(DateOnly.ParseExact(S("date") ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture)),
                "relative" => Deadline.Relative(S("anchor") == "issue_date" ? DeadlineAnchor.IssueDate : DeadlineAnchor.EffectiveDate, S("offset") ?? "", B("working_days")),
                "recurring" => Deadline.Recurring(ParseFrequency(S("frequency")), S("due"), S("offset"), B("working_days"), I("years"), I("hours")),
                "event" => Deadline.ForEvent(S("event") ?? "", S("offset") ?? "", B("working_days"), B("before")),
                "vague" => Deadline.Vague(S("phrase") ?? ""),
                var k => throw new FormatException($"unknown kind '{k}'"),
            };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            error = $"deadline {json}: {ex.Message}";
            return null;
        }
    }

    private static Frequency ParseFrequency(string? name) => name switch
    {
        "annual" => Frequency.Annual,
        "semiannual" => Frequency.Semiannual,
        "quarterly" => Frequency.Quarterly,
        "monthly" => Frequency.Monthly,
        "weekly" => Frequency.Weekly,
        "daily" => Frequency.Daily,
        "every_n_years" => Frequency.EveryNYears,
        "every_n_hours" => Frequency.EveryNHours,
        _ => throw new FormatException($"unknown frequency '{name}'"),
    };
}
