using System.Globalization;
using ObligationTracker.Core.Register;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Queries;

/// <summary>A tracking change as typed (<c>ot track set</c>'s options, the API's PUT body), checked: a known status, dates, a reason where needed.</summary>
internal static class TrackingInput
{
    /// <summary>The update, or null with the problem in words naming the field as the caller spells it (<paramref name="names"/>).</summary>
    public static (TrackingUpdate? Update, string? Problem) Parse(
        string? status, string? reason, string? owner, string? notes, string? due, string? done, bool reviewed, EvidenceReference? evidence, FieldNames names,
        TrackingClear clear = TrackingClear.None)
    {
        ArgumentNullException.ThrowIfNull(names);
        TrackingStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            parsed = TrackingStatusLabels.Parse(status);
            if (parsed is null or TrackingStatus.Closed)
                return (null, $"Unknown status '{status}'; use one of 待评估, 不适用, 进行中, 已合规, 逾期 (or pending, not-applicable, in-progress, compliant, overdue).");
        }

        if (!TryDate(due, names.Due, out var dueDate, out var problem) || !TryDate(done, names.Done, out var doneDate, out problem)) return (null, problem);
        if (parsed == TrackingStatus.NotApplicable && string.IsNullOrWhiteSpace(reason))
            return (null, $"不适用 (not applicable) needs a reason: {names.ReasonHint}.");
        var update = new TrackingUpdate(parsed, Blank(reason), Blank(owner), Blank(notes), dueDate, doneDate, evidence, reviewed, clear);
        return update == new TrackingUpdate() ? (null, $"Nothing to change: give {names.Any}.") : (update, null);
    }

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool TryDate(string? text, string field, out DateOnly? date, out string? problem)
    {
        date = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }

        problem = $"{field} '{text}' is not a date yyyy-MM-dd.";
        return false;
    }

    /// <summary>How the caller names the fields in messages: options on the command line, JSON properties in the API.</summary>
    public sealed record FieldNames(string Due, string Done, string ReasonHint, string Any)
    {
        public static readonly FieldNames Cli = new("--due", "--done", "add --reason \"…\"", "--status, --owner, --note, --evidence, --due, --done, --reviewed or --clear");

        public static readonly FieldNames Api = new("dueDate", "lastDone", "give \"reason\"", "status, reason, owner, notes, dueDate, lastDone or reviewed");
    }
}
