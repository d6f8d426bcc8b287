using System.Data.Common;
using ObligationTracker.Core.Register;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Storage.Register;

/// <summary>Tracking per (institution, obligation), with its append-only history and evidence.</summary>
/// <remarks>
/// Each <see cref="Set"/> is one transaction: the new state and one history row per changed field commit together or
/// not at all. History and evidence are only ever inserted (there is no UPDATE or DELETE of them in the code, and the
/// schema's triggers refuse both).
/// </remarks>
public sealed class TrackingStore
{
    private readonly StoreConnection _db;
    private readonly TimeProvider _clock;

    internal TrackingStore(StoreConnection db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public TrackingState Get(long institutionId, long obligationId) => Get(null, institutionId, obligationId) ?? TrackingState.Untracked;

    /// <summary>Applies an update and records each changed field; returns the history rows written (empty when nothing changed).</summary>
    /// <exception cref="ArgumentException">The update is not allowed (不适用 without a reason, or 已关闭 set by hand).</exception>
    public IReadOnlyList<HistoryEntry> Set(long institutionId, long obligationId, TrackingUpdate update, string actor)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (update.Status == TrackingStatus.Closed)
            throw new ArgumentException("已关闭 (closed) is set only when a revision removes the obligation.");
        var now = _clock.GetUtcNow();
        var at = Read.Iso(now);
        using var tx = _db.Begin();
        _db.Dialect.LockPair(_db, tx, institutionId, obligationId);
        var before = Get(tx, institutionId, obligationId) ?? TrackingState.Untracked;
        var after = before with
        {
            Status = update.Status ?? before.Status,
            Reason = update.Reason ?? (update.Clear.HasFlag(TrackingClear.Reason) || (update.Status is { } s && s != before.Status) ? null : before.Reason),
            Owner = update.Owner ?? (update.Clear.HasFlag(TrackingClear.Owner) ? null : before.Owner),
            Notes = update.Notes ?? (update.Clear.HasFlag(TrackingClear.Notes) ? null : before.Notes),
            NextDue = update.NextDue ?? (update.Clear.HasFlag(TrackingClear.NextDue) ? null : before.NextDue),
            LastDone = update.LastDone ?? (update.Clear.HasFlag(TrackingClear.LastDone) ? null : before.LastDone),
            ReviewRequired = before.ReviewRequired && !update.Reviewed,
            ReviewNote = before.ReviewRequired && update.Reviewed ? null : before.ReviewNote,
        };
        if (after.Status == TrackingStatus.NotApplicable && string.IsNullOrWhiteSpace(after.Reason))
            throw new ArgumentException("不适用 (not applicable) needs a reason (--reason).");

        var changes = new List<(string Field, string? From, string? To)>();
        void Diff(string field, string? from, string? to)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal)) changes.Add((field, from, to));
        }

        Diff(TrackingFields.Status, before.Status.Label(), after.Status.Label());
        Diff(TrackingFields.Reason, before.Reason, after.Reason);
        Diff(TrackingFields.Owner, before.Owner, after.Owner);
        Diff(TrackingFields.Notes, before.Notes, after.Notes);
        Diff(TrackingFields.NextDue, Read.Iso(before.NextDue), Read.Iso(after.NextDue));
        Diff(TrackingFields.LastDone, Read.Iso(before.LastDone), Read.Iso(after.LastDone));
        Diff(TrackingFields.Review, before.ReviewNote, after.ReviewNote);
        if (update.Evidence is { } e)
        {
            _db.Execute("""
                INSERT INTO evidence (institution_id, obligation_id, kind, reference, sha256, added_at, added_by)
                VALUES (@i, @o, @k, @ref, @sha, @at, @by)
                """, tx, ("@i", institutionId), ("@o", obligationId), ("@k", e.Kind), ("@ref", e.Reference), ("@sha", e.Sha256), ("@at", at), ("@by", actor));
            changes.Add((TrackingFields.Evidence, null, e.ToString()));
        }

        if (changes.Count == 0) return [];
        _db.Execute("""
            INSERT INTO tracking (institution_id, obligation_id, status, reason, owner, notes, next_due, last_done, review_required, review_note, updated_at, updated_by)
            VALUES (@i, @o, @s, @why, @owner, @notes, @due, @done, @review, @rnote, @at, @by)
            ON CONFLICT (institution_id, obligation_id) DO UPDATE SET
                status = excluded.status, reason = excluded.reason, owner = excluded.owner, notes = excluded.notes,
                next_due = excluded.next_due, last_done = excluded.last_done, review_required = excluded.review_required,
                review_note = excluded.review_note, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, tx, ("@i", institutionId), ("@o", obligationId), ("@s", after.Status.Label()), ("@why", after.Reason), ("@owner", after.Owner),
            ("@notes", after.Notes), ("@due", Read.Iso(after.NextDue)), ("@done", Read.Iso(after.LastDone)), ("@review", after.ReviewRequired ? 1 : 0),
            ("@rnote", after.ReviewNote), ("@at", at), ("@by", actor));
        var written = changes.Select(c => new HistoryEntry(AppendHistory(_db, tx, institutionId, obligationId, at, actor, c.Field, c.From, c.To), now, actor, c.Field, c.From, c.To)).ToList();
        tx.Commit();
        return written;
    }

    /// <summary>Every change of one tracking entry, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> History(long institutionId, long obligationId) =>
        _db.Query("SELECT id, at, actor, field, old_value, new_value FROM tracking_history WHERE institution_id = @i AND obligation_id = @o ORDER BY id", null,
            r => new HistoryEntry(Read.Long(r, 0), Read.Instant(r, 1), r.GetString(2), r.GetString(3), Read.Text(r, 4), Read.Text(r, 5)),
            ("@i", institutionId), ("@o", obligationId));

    /// <summary>The institution's latest changes over all its obligations, newest first (the dashboard's 最近变更).</summary>
    public IReadOnlyList<(long ObligationId, HistoryEntry Change)> Recent(long institutionId, int limit) =>
        _db.Query("SELECT obligation_id, id, at, actor, field, old_value, new_value FROM tracking_history WHERE institution_id = @i ORDER BY id DESC LIMIT @n", null,
            r => (Read.Long(r, 0), new HistoryEntry(Read.Long(r, 1), Read.Instant(r, 2), r.GetString(3), r.GetString(4), Read.Text(r, 5), Read.Text(r, 6))),
            ("@i", institutionId), ("@n", Math.Max(0, limit)));

    public IReadOnlyList<EvidenceEntry> Evidence(long institutionId, long obligationId) =>
        _db.Query("SELECT id, kind, reference, sha256, added_at, added_by FROM evidence WHERE institution_id = @i AND obligation_id = @o ORDER BY id", null,
            r => new EvidenceEntry(Read.Long(r, 0), new EvidenceReference(r.GetString(1), r.GetString(2), Read.Text(r, 3)), Read.Instant(r, 4), r.GetString(5)),
            ("@i", institutionId), ("@o", obligationId));

    /// <summary>The only way a history row is written: an INSERT.</summary>
    internal static long AppendHistory(StoreConnection db, DbTransaction tx, long institutionId, long obligationId, string at, string actor, string field, string? from, string? to) =>
        db.InsertReturningId("""
            INSERT INTO tracking_history (institution_id, obligation_id, at, actor, field, old_value, new_value)
            VALUES (@i, @o, @at, @by, @f, @from, @to)
            """, tx, ("@i", institutionId), ("@o", obligationId), ("@at", at), ("@by", actor), ("@f", field), ("@from", from), ("@to", to));

    private TrackingState? Get(DbTransaction? tx, long institutionId, long obligationId) =>
        _db.Query($"""
            SELECT status, reason, owner, notes, next_due, last_done, review_required, review_note
            FROM tracking WHERE institution_id = @i AND obligation_id = @o{(tx is null ? "" : _db.Dialect.ForUpdate)}
            """, tx, r => new TrackingState(
                TrackingStatusLabels.Parse(r.GetString(0)) ?? TrackingStatus.Pending, Read.Text(r, 1), Read.Text(r, 2), Read.Text(r, 3),
                Read.Date(r, 4), Read.Date(r, 5), Read.Flag(r, 6), Read.Text(r, 7)),
            ("@i", institutionId), ("@o", obligationId)).FirstOrDefault();
}
