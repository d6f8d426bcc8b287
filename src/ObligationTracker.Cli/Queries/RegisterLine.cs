using System.Text.Json;
using System.Text.Json.Serialization;
using ObligationTracker.Cli.Export;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Queries;

/// <summary>One obligation of an institution's register with its tracking and its due dates: what the API and the pages show.</summary>
/// <remarks>
/// The line is the stored <see cref="RegisterEntry"/> (not serialized itself) plus what is computed on the day; its
/// flat properties read through to the entry so the API's JSON stays one object per obligation.
/// </remarks>
/// <param name="ComputedDue">The next date computed from the deadline (today or later), if it has one.</param>
/// <param name="MissedDue">For an overdue line, the due date that passed without it being met: the date set in the tracking, else the latest computed one before today.</param>
/// <param name="Overdue">Marked 逾期, or its due date passed without it being met (see <see cref="InstitutionRegister"/>).</param>
internal sealed record RegisterLine([property: JsonIgnore] RegisterEntry Entry, DueDateView? ComputedDue, DateOnly? MissedDue, bool Overdue)
{
    public long ObligationId => Entry.ObligationId;

    public string Key => Entry.Key;

    public long RegulationId => Entry.RegulationId;

    public string Regulation => Entry.RegulationTitle;

    public string? DocumentNumber => Entry.DocumentNumber;

    public int Article => Entry.Article;

    public string Text => Entry.Text;

    public string Modality => Entry.Modality;

    public IReadOnlyList<string> Addressees => Entry.Addressees;

    public bool ByReference => Entry.ByReference;

    /// <summary>FORMAT.md's deadline object as mined; <see cref="DeadlineText"/> says it in words.</summary>
    public JsonElement? Deadline { get; } = Parse(Entry.DeadlineJson);

    public string DeadlineText => Labels.Deadline(Entry.DeadlineJson);

    /// <summary>The tracking status's label (待评估 …); <see cref="StatusCode"/> is its English spelling (pending …).</summary>
    public string Status => Entry.Status.Label();

    public string StatusCode => TrackingCodes.Of(Entry.Status);

    public string? Reason => Entry.Tracking.Reason;

    public string? Owner => Entry.Tracking.Owner;

    public string? Notes => Entry.Tracking.Notes;

    /// <summary>The due date people set in the tracking, if any.</summary>
    public DateOnly? NextDue => Entry.Tracking.NextDue;

    public DateOnly? LastDone => Entry.Tracking.LastDone;

    public bool ReviewRequired => Entry.Tracking.ReviewRequired;

    /// <summary>The wording before a revision, while the change awaits review.</summary>
    public string? PreviousText => Entry.Tracking.ReviewRequired ? Entry.PreviousText : null;

    public bool Active => Entry.Active;

    /// <summary>The date that counts: <see cref="NextDue"/> where set, else <see cref="ComputedDue"/>'s.</summary>
    public DateOnly? DueDate => Entry.Tracking.NextDue ?? ComputedDue?.Date;

    private static JsonElement? Parse(string? json)
    {
        if (json is null) return null;
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}

/// <summary>A computed due date: the day, how it was reached, and whether it rests on a guessed holiday calendar.</summary>
internal sealed record DueDateView(DateOnly Date, string Basis, bool Provisional, DateOnly? ShiftedFrom, string? Warning)
{
    public static DueDateView From(DueDate due)
    {
        ArgumentNullException.ThrowIfNull(due);
        return new DueDateView(due.Date, due.Basis, due.IsProvisional, due.ShiftedFrom, due.Warning);
    }
}

/// <summary>The English spellings of the tracking statuses, for programs (pending, not-applicable, in-progress, compliant, overdue, closed).</summary>
internal static class TrackingCodes
{
    public static string Of(TrackingStatus status) => status switch
    {
        TrackingStatus.Pending => "pending",
        TrackingStatus.NotApplicable => "not-applicable",
        TrackingStatus.InProgress => "in-progress",
        TrackingStatus.Compliant => "compliant",
        TrackingStatus.Overdue => "overdue",
        _ => "closed",
    };
}
