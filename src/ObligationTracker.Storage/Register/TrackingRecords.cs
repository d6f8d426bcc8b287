using ObligationTracker.Core.Register;

namespace ObligationTracker.Storage.Register;

/// <summary>Where one institution stands on one obligation; an obligation nobody touched yet is 待评估 with nothing else set.</summary>
/// <param name="ReviewRequired">A revision reworded the obligation since it was last assessed.</param>
public sealed record TrackingState(
    TrackingStatus Status,
    string? Reason,
    string? Owner,
    string? Notes,
    DateOnly? NextDue,
    DateOnly? LastDone,
    bool ReviewRequired,
    string? ReviewNote)
{
    public static readonly TrackingState Untracked = new(TrackingStatus.Pending, null, null, null, null, null, false, null);
}

/// <summary>What <c>ot track set</c> changes; null leaves a field as it is, unless <paramref name="Clear"/> names it.</summary>
/// <param name="Reviewed">Clears the review flag a revision set.</param>
/// <param name="Clear">Fields to empty; a value given for the same field wins.</param>
public sealed record TrackingUpdate(
    TrackingStatus? Status = null,
    string? Reason = null,
    string? Owner = null,
    string? Notes = null,
    DateOnly? NextDue = null,
    DateOnly? LastDone = null,
    EvidenceReference? Evidence = null,
    bool Reviewed = false,
    TrackingClear Clear = TrackingClear.None);

/// <summary>Evidence of compliance: a file (path and SHA-256 of its bytes when recorded) or a URL.</summary>
public sealed record EvidenceReference(string Kind, string Reference, string? Sha256)
{
    public const string FileKind = "file";
    public const string UrlKind = "url";

    public override string ToString() => Kind == FileKind ? $"{Reference} (sha256 {Sha256})" : Reference;
}

/// <summary>One recorded change: who, when, which field, from what, to what. Never rewritten.</summary>
public sealed record HistoryEntry(long Id, DateTimeOffset At, string Actor, string Field, string? From, string? To);

/// <summary>A piece of evidence attached to a tracking entry.</summary>
public sealed record EvidenceEntry(long Id, EvidenceReference Evidence, DateTimeOffset AddedAt, string AddedBy);
