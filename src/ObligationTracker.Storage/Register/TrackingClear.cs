namespace ObligationTracker.Storage.Register;

/// <summary>Fields a <see cref="TrackingUpdate"/> empties (null in an update otherwise means "leave as it is").</summary>
[Flags]
public enum TrackingClear
{
    None = 0,
    Owner = 1,
    Notes = 2,
    NextDue = 4,
    Reason = 8,
    LastDone = 16,
}
