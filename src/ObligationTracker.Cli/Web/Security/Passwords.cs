using Microsoft.AspNetCore.Identity;
using ObligationTracker.Storage.Users;

namespace ObligationTracker.Cli.Web.Security;

/// <summary>Password hashing with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, versioned format).</summary>
internal static class Passwords
{
    public const int MinimumLength = 8;

    private static readonly PasswordHasher<StoredUser> Hasher = new();

    /// <summary>A hash of nothing anybody knows: verified against when the name is unknown, so a wrong name takes as long as a wrong password.</summary>
    private static readonly Lazy<string> Decoy = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString("N")));

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <summary>Why a new password is refused, or null when it is acceptable.</summary>
    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) ? "The password is empty."
        : password.Length < MinimumLength ? $"The password is shorter than {MinimumLength} characters."
        : null;

    /// <summary>The result of checking <paramref name="password"/> against <paramref name="user"/>'s hash (a decoy hash when the user is null).</summary>
    public static PasswordVerificationResult Verify(StoredUser? user, string password)
    {
        if (user is null)
        {
            Hasher.VerifyHashedPassword(null!, Decoy.Value, password);
            return PasswordVerificationResult.Failed;
        }

        return Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
    }
}
