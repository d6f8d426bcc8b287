using ObligationTracker.Storage.Migrations;

namespace ObligationTracker.Storage.Users;

/// <summary>Schema steps of the web app's users (versions 300–399). Append; never edit a released step.</summary>
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
    ];
}
