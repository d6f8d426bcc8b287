namespace ObligationTracker.Storage.Migrations;

/// <summary>The schema, step by step. Append; never edit a released step.</summary>
/// <remarks>
/// Dates are TEXT yyyy-MM-dd and instants TEXT ISO 8601 on both backends, so comparisons and sorting behave alike.
/// Version 2 moves each version's parsed text out of <c>regulations</c> into <c>regulation_versions</c>, so the rows the
/// register query reads stay small. The history and evidence tables are append-only: the code has no UPDATE or DELETE for them, and triggers refuse both.
/// </remarks>
internal static class SchemaMigrations
{
    private const string RefuseSqlite = "BEGIN SELECT RAISE(ABORT, 'append-only table: rows are never changed or deleted'); END";

    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "regulations and articles", """
            CREATE TABLE regulations (
                id {id},
                reg_key TEXT NOT NULL UNIQUE,
                file TEXT NOT NULL,
                source_path TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                title TEXT NOT NULL,
                issuer TEXT NULL,
                document_number TEXT NULL,
                issued TEXT NULL,
                effective TEXT NULL,
                article_count INTEGER NOT NULL,
                version INTEGER NOT NULL,
                ingested_at TEXT NOT NULL,
                regulation_json TEXT NOT NULL
            );
            CREATE INDEX ix_regulations_hash ON regulations (content_hash);
            """),
        new(2, "obligations, institutions, tracking and history", """
            ALTER TABLE regulations ADD COLUMN status TEXT NOT NULL DEFAULT 'in_force';
            ALTER TABLE regulations ADD COLUMN status_note TEXT NULL;
            CREATE TABLE regulation_versions (
                regulation_id BIGINT NOT NULL REFERENCES regulations (id),
                version INTEGER NOT NULL,
                file TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                document_number TEXT NULL,
                effective TEXT NULL,
                ingested_at TEXT NOT NULL,
                regulation_json TEXT NOT NULL,
                PRIMARY KEY (regulation_id, version)
            );
            INSERT INTO regulation_versions (regulation_id, version, file, content_hash, document_number, effective, ingested_at, regulation_json)
                SELECT id, version, file, content_hash, document_number, effective, ingested_at, regulation_json FROM regulations;
            ALTER TABLE regulations DROP COLUMN regulation_json;
            CREATE TABLE regulation_scope (
                regulation_id BIGINT NOT NULL REFERENCES regulations (id),
                type TEXT NOT NULL,
                declared INTEGER NOT NULL,
                by_reference INTEGER NOT NULL,
                PRIMARY KEY (regulation_id, type)
            );
            CREATE INDEX ix_scope_type ON regulation_scope (type, regulation_id);
            CREATE TABLE obligations (
                id {id},
                regulation_id BIGINT NOT NULL REFERENCES regulations (id),
                obligation_key TEXT NOT NULL,
                article INTEGER NOT NULL,
                seq INTEGER NOT NULL,
                text TEXT NOT NULL,
                start_offset INTEGER NOT NULL,
                modality TEXT NOT NULL,
                addressee_list TEXT NOT NULL,
                deadline_kind TEXT NULL,
                deadline_json TEXT NULL,
                references_json TEXT NOT NULL,
                active INTEGER NOT NULL,
                added_in_version INTEGER NOT NULL,
                changed_in_version INTEGER NULL,
                previous_text TEXT NULL,
                removed_in_version INTEGER NULL,
                removed_reason TEXT NULL
            );
            CREATE INDEX ix_obligations_regulation ON obligations (regulation_id, active);
            CREATE INDEX ix_obligations_key ON obligations (obligation_key);
            CREATE TABLE obligation_addressees (
                obligation_id BIGINT NOT NULL REFERENCES obligations (id),
                type TEXT NOT NULL,
                by_reference INTEGER NOT NULL,
                PRIMARY KEY (obligation_id, type)
            );
            CREATE INDEX ix_addressees_type ON obligation_addressees (type, obligation_id);
            CREATE TABLE obligation_changes (
                id {id},
                regulation_id BIGINT NOT NULL REFERENCES regulations (id),
                version INTEGER NOT NULL,
                obligation_id BIGINT NOT NULL REFERENCES obligations (id),
                change TEXT NOT NULL,
                old_article INTEGER NULL,
                new_article INTEGER NULL,
                old_text TEXT NULL,
                new_text TEXT NULL
            );
            CREATE INDEX ix_changes_regulation ON obligation_changes (regulation_id, version);
            CREATE TABLE institutions (
                id {id},
                name TEXT NOT NULL UNIQUE,
                region TEXT NULL,
                group_name TEXT NULL,
                created_at TEXT NOT NULL
            );
            CREATE TABLE institution_types (
                institution_id BIGINT NOT NULL REFERENCES institutions (id),
                type TEXT NOT NULL,
                PRIMARY KEY (institution_id, type)
            );
            CREATE TABLE tracking (
                institution_id BIGINT NOT NULL REFERENCES institutions (id),
                obligation_id BIGINT NOT NULL REFERENCES obligations (id),
                status TEXT NOT NULL,
                reason TEXT NULL,
                owner TEXT NULL,
                notes TEXT NULL,
                next_due TEXT NULL,
                last_done TEXT NULL,
                review_required INTEGER NOT NULL,
                review_note TEXT NULL,
                updated_at TEXT NOT NULL,
                updated_by TEXT NOT NULL,
                PRIMARY KEY (institution_id, obligation_id)
            );
            CREATE INDEX ix_tracking_obligation ON tracking (obligation_id);
            CREATE TABLE evidence (
                id {id},
                institution_id BIGINT NOT NULL REFERENCES institutions (id),
                obligation_id BIGINT NOT NULL REFERENCES obligations (id),
                kind TEXT NOT NULL,
                reference TEXT NOT NULL,
                sha256 TEXT NULL,
                added_at TEXT NOT NULL,
                added_by TEXT NOT NULL
            );
            CREATE INDEX ix_evidence ON evidence (institution_id, obligation_id);
            CREATE TABLE tracking_history (
                id {id},
                institution_id BIGINT NOT NULL REFERENCES institutions (id),
                obligation_id BIGINT NOT NULL REFERENCES obligations (id),
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                field TEXT NOT NULL,
                old_value TEXT NULL,
                new_value TEXT NULL
            );
            CREATE INDEX ix_history ON tracking_history (institution_id, obligation_id, id)
            """,
            SqliteOnly:
            [
                $"CREATE TRIGGER tracking_history_no_update BEFORE UPDATE ON tracking_history {RefuseSqlite}",
                $"CREATE TRIGGER tracking_history_no_delete BEFORE DELETE ON tracking_history {RefuseSqlite}",
                $"CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence {RefuseSqlite}",
                $"CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence {RefuseSqlite}",
            ],
            PostgresOnly:
            [
                """
                CREATE FUNCTION ot_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'append-only table %: rows are never changed or deleted', TG_TABLE_NAME;
                END $$
                """,
                "CREATE TRIGGER tracking_history_append_only BEFORE UPDATE OR DELETE ON tracking_history FOR EACH ROW EXECUTE FUNCTION ot_refuse_change()",
                "CREATE TRIGGER tracking_history_no_truncate BEFORE TRUNCATE ON tracking_history FOR EACH STATEMENT EXECUTE FUNCTION ot_refuse_change()",
                "CREATE TRIGGER evidence_append_only BEFORE UPDATE OR DELETE ON evidence FOR EACH ROW EXECUTE FUNCTION ot_refuse_change()",
                "CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON evidence FOR EACH STATEMENT EXECUTE FUNCTION ot_refuse_change()",
            ]),
    ];
}
