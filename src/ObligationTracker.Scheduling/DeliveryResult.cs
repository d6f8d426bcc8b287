namespace ObligationTracker.Scheduling;

/// <summary>What one delivery round did.</summary>
/// <param name="Lost">Sent, but the claim had expired and been taken over before the mark (the other sender may send it again).</param>
public sealed record DeliveryResult(int Claimed, int Sent, int Failed, int Lost);
