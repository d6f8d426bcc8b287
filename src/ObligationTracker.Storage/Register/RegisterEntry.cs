using ObligationTracker.Core.Register;

namespace ObligationTracker.Storage.Register;

/// <summary>One line of an institution's register: an obligation that binds it, with where it stands.</summary>
/// <param name="ByReference">It binds the institution only because the regulation is applied by reference (参照执行).</param>
/// <param name="Active">False for an obligation a revision removed (its tracking is kept, closed).</param>
public sealed record RegisterEntry(
    long ObligationId,
    string Key,
    long RegulationId,
    string RegulationTitle,
    string? DocumentNumber,
    int Article,
    string Text,
    string Modality,
    IReadOnlyList<string> Addressees,
    bool ByReference,
    string? DeadlineKind,
    string? DeadlineJson,
    bool Active,
    string? PreviousText,
    TrackingState Tracking)
{
    public TrackingStatus Status => Tracking.Status;
}
