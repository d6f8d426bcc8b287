using System.Text.Json;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Web.Api;

/// <summary>The PUT body: a property left out stays as it is; null or "" empties it (reason, owner, notes, dueDate, lastDone).</summary>
/// <remarks>
/// Read from the JSON itself (<see cref="Read"/>), not bound: binding turns an absent property and a null one into the
/// same null, and "leave as it is" must differ from "empty it". Every property is optional (none is required in OpenAPI).
/// </remarks>
internal sealed record TrackingBody
{
    private const string Expected = "Send a JSON object with the fields to change: status, reason, owner, notes, dueDate, lastDone, reviewed (null or \"\" empties reason, owner, notes, dueDate or lastDone).";

    private static readonly string[] Names = ["status", "reason", "owner", "notes", "dueDate", "lastDone", "reviewed"];

    /// <summary>待评估, 不适用, 进行中, 已合规, 逾期 or pending, not-applicable, in-progress, compliant, overdue; cannot be emptied.</summary>
    public string? Status { get; init; }

    /// <summary>Why (needed for 不适用).</summary>
    public string? Reason { get; init; }

    public string? Owner { get; init; }

    public string? Notes { get; init; }

    /// <summary>Next due date, yyyy-MM-dd.</summary>
    public string? DueDate { get; init; }

    /// <summary>Date last complied with, yyyy-MM-dd.</summary>
    public string? LastDone { get; init; }

    /// <summary>Acknowledge a revision's change (clears 待复核).</summary>
    public bool? Reviewed { get; init; }

    /// <summary>The fields given with a value, the fields to empty, or the problem in words.</summary>
    /// <remarks>Property names match without regard to case, as the API's JSON binding does; other properties are ignored.</remarks>
    public static (TrackingBody? Body, TrackingClear Clear, string? Problem) Read(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object) return (null, TrackingClear.None, Expected);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var clear = TrackingClear.None;
        bool? reviewed = null;
        foreach (var property in json.EnumerateObject())
        {
            if (Array.Find(Names, n => string.Equals(n, property.Name, StringComparison.OrdinalIgnoreCase)) is not { } name) continue;
            var value = property.Value;
            if (name == "reviewed")
            {
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
                    return (null, TrackingClear.None, "'reviewed' is true, false or null.");
                reviewed = value.ValueKind == JsonValueKind.True;
                continue;
            }

            if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text))
            {
                values[name] = text;
                clear &= ~Flag(name);
            }
            else if (value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
            {
                if (name == "status") return (null, TrackingClear.None, "'status' cannot be emptied: leave it out to keep it, or give a status.");
                values.Remove(name);
                clear |= Flag(name);
            }
            else
            {
                return (null, TrackingClear.None, $"'{name}' is a string, or null or \"\" to empty it.");
            }
        }

        var body = new TrackingBody
        {
            Status = values.GetValueOrDefault("status"),
            Reason = values.GetValueOrDefault("reason"),
            Owner = values.GetValueOrDefault("owner"),
            Notes = values.GetValueOrDefault("notes"),
            DueDate = values.GetValueOrDefault("dueDate"),
            LastDone = values.GetValueOrDefault("lastDone"),
            Reviewed = reviewed,
        };
        return (body, clear, null);
    }

    private static TrackingClear Flag(string name) => name switch
    {
        "reason" => TrackingClear.Reason,
        "owner" => TrackingClear.Owner,
        "notes" => TrackingClear.Notes,
        "dueDate" => TrackingClear.NextDue,
        "lastDone" => TrackingClear.LastDone,
        _ => TrackingClear.None,
    };
}
