namespace ObligationTracker.Storage.Register;

/// <summary>An institution as stored.</summary>
public sealed record StoredInstitution(long Id, string Name, IReadOnlyList<string> Types, string? Region, string? Group, DateTimeOffset CreatedAt);
