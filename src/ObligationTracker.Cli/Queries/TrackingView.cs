using ObligationTracker.Core.Register;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Queries;

/// <summary>Where an institution stands on an obligation, for programs: the status as label (进行中) and code (in-progress).</summary>
internal sealed record TrackingView(
    string Status, string StatusCode, string? Reason, string? Owner, string? Notes, DateOnly? NextDue, DateOnly? LastDone, bool ReviewRequired, string? ReviewNote)
{
    public static TrackingView From(TrackingState t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new TrackingView(t.Status.Label(), TrackingCodes.Of(t.Status), t.Reason, t.Owner, t.Notes, t.NextDue, t.LastDone, t.ReviewRequired, t.ReviewNote);
    }
}
