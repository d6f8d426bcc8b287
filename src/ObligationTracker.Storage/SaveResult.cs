namespace ObligationTracker.Storage;

/// <summary>What saving a regulation with its obligations did.</summary>
public sealed record SaveResult(StoredRegulation Regulation, SaveOutcome Outcome, ObligationDelta Obligations);

/// <summary>How the obligations of a new version relate to the previous version's (all Added on a first ingest).</summary>
public sealed record ObligationDelta(int Unchanged, int Changed, int Removed, int Added)
{
    public override string ToString() => $"{Added} added, {Changed} changed, {Removed} removed, {Unchanged} unchanged";
}
