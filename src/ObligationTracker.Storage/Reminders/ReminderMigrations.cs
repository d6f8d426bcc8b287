using ObligationTracker.Storage.Migrations;

namespace ObligationTracker.Storage.Reminders;

/// <summary>Schema steps of the reminders (versions 100–199). Append; never edit a released step.</summary>
/// <remarks>
/// <c>reminders</c> holds one row per idempotency key (institution, obligation, due date, lead, channel): the scan
/// inserts it once (a second insert of the same key does nothing), a sender claims it with a lease, and marks it sent.
/// </remarks>
public static class ReminderMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(100, "institution events, reminders and daily scans", """
            CREATE TABLE institution_events (
                id {id},
                institution_id BIGINT NOT NULL,
                obligation_id BIGINT NULL,
                event TEXT NULL,
                event_date TEXT NOT NULL,
                note TEXT NULL,
                recorded_at TEXT NOT NULL,
                recorded_by TEXT NOT NULL
            );
            CREATE INDEX ix_events_institution ON institution_events (institution_id, obligation_id);
            CREATE TABLE reminders (
                id {id},
                institution_id BIGINT NOT NULL,
                obligation_id BIGINT NOT NULL,
                due_date TEXT NOT NULL,
                lead_days INTEGER NOT NULL,
                channel TEXT NOT NULL,
                send_on TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                claimed_by TEXT NULL,
                claim_token TEXT NULL,
                lease_until TEXT NULL,
                retry_at TEXT NULL,
                sent_at TEXT NULL,
                last_error TEXT NULL,
                payload_json TEXT NOT NULL,
                created_at TEXT NOT NULL,
                UNIQUE (institution_id, obligation_id, due_date, lead_days, channel)
            );
            CREATE INDEX ix_reminders_state ON reminders (state, id);
            CREATE TABLE reminder_scans (
                scan_date TEXT NOT NULL PRIMARY KEY,
                enqueued INTEGER NOT NULL,
                node TEXT NOT NULL,
                completed_at TEXT NOT NULL
            )
            """),
        new(101, "reminders in doubt: handed to a channel whose acknowledgement never came back", """
            ALTER TABLE reminders ADD COLUMN in_doubt INTEGER NOT NULL DEFAULT 0
            """),
    ];
}
