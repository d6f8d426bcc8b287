using ObligationTracker.Storage.Migrations;

namespace ObligationTracker.Storage.Users;

/// <summary>Schema steps of the web app's users (versions 300–399). Append; never edit a released step.</summary>
/// <remarks>
/// <c>web_keys</c> holds the key ring that protects sign-in cookies and anti-forgery tokens, so every node on the same
/// store accepts a cookie any of them issued. Keys are XML elements written once and never changed.
/// <c>sign_in_failures</c> counts failed sign-ins per subject (a hashed user name or client address) so every node
/// refuses a locked-out name alike; times are Unix milliseconds, compared as numbers on both backends.
/// </remarks>
public static class UserMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(300, "users of the web app", """
            CREATE TABLE users (
                id {id},
                name TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                role TEXT NOT NULL,
                institution_id BIGINT NULL REFERENCES institutions (id),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """),
        new(301, "data-protection keys shared by the nodes", """
            CREATE TABLE web_keys (
                name TEXT NOT NULL PRIMARY KEY,
                xml TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """),
        new(302, "failed sign-ins counted per user name and client address", """
            CREATE TABLE sign_in_failures (
                subject TEXT NOT NULL PRIMARY KEY,
                failures INTEGER NOT NULL,
                window_start BIGINT NOT NULL,
                locked_until BIGINT NULL
            )
            """),
    ];
}
