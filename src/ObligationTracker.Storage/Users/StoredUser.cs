namespace ObligationTracker.Storage.Users;

/// <summary>A user of the web app as stored; <paramref name="PasswordHash"/> is the hasher's output, never the password.</summary>
/// <param name="InstitutionId">The institution an <see cref="UserRole.Institution"/> user belongs to; null for the other roles.</param>
public sealed record StoredUser(long Id, string Name, string PasswordHash, UserRole Role, long? InstitutionId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
