namespace ObligationTracker.Storage.Register;

/// <summary>The names history rows give the tracked fields.</summary>
public static class TrackingFields
{
    public const string Status = "status";
    public const string Reason = "reason";
    public const string Owner = "owner";
    public const string Notes = "notes";
    public const string NextDue = "next_due";
    public const string LastDone = "last_done";
    public const string Evidence = "evidence";
    public const string Review = "review";
}
