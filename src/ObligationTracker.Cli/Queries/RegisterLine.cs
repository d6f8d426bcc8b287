using System.Text.Json;
using ObligationTracker.Cli.Export;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Queries;

/// <summary>One obligation of an institution's register with its tracking and its due dates: what the API and the pages show.</summary>
/// <param name="Status">The tracking status's label (待评估 …); <paramref name="StatusCode"/> is its English spelling (pending …).</param>
/// <param name="NextDue">The due date people set in the tracking, if any.</param>
/// <param name="ComputedDue">The next date computed from the deadline (today or later), if it has one.</param>
/// <param name="DueDate">The date that counts: <paramref name="NextDue"/> where set, else <paramref name="ComputedDue"/>'s.</param>
/// <param name="Overdue">Marked 逾期, or its due date passed without it being met (see <see cref="InstitutionRegister"/>).</param>
/// <param name="Deadline">FORMAT.md's deadline object as mined; <paramref name="DeadlineText"/> says it in words.</param>
internal sealed record RegisterLine(
    long ObligationId,
    string Key,
    long RegulationId,
    string Regulation,
    string? DocumentNumber,
    int Article,
    string Text,
    string Modality,
    IReadOnlyList<string> Addressees,
    bool ByReference,
    JsonElement? Deadline,
    string DeadlineText,
    string Status,
    string StatusCode,
    string? Reason,
    string? Owner,
    string? Notes,
    DateOnly? NextDue,
    DateOnly? LastDone,
    bool ReviewRequired,
    string? PreviousText,
    bool Active,
    DueDateView? ComputedDue,
    DateOnly? DueDate,
    bool Overdue)
{
    public static RegisterLine From(RegisterEntry e, DueDateView? computed, bool overdue)
    {
        ArgumentNullException.ThrowIfNull(e);
        JsonElement? deadline = null;
        if (e.DeadlineJson is not null)
        {
            using var doc = JsonDocument.Parse(e.DeadlineJson);
            deadline = doc.RootElement.Clone();
        }

        return new RegisterLine(
            e.ObligationId, e.Key, e.RegulationId, e.RegulationTitle, e.DocumentNumber, e.Article, e.Text, e.Modality, e.Addressees, e.ByReference,
            deadline, Labels.Deadline(e.DeadlineJson), e.Status.Label(), TrackingCodes.Of(e.Status), e.Tracking.Reason, e.Tracking.Owner, e.Tracking.Notes,
            e.Tracking.NextDue, e.Tracking.LastDone, e.Tracking.ReviewRequired, e.Tracking.ReviewRequired ? e.PreviousText : null, e.Active,
            computed, e.Tracking.NextDue ?? computed?.Date, overdue);
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
