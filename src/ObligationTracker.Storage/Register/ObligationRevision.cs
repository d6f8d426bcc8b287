using System.Data.Common;
using System.Text.Json;
using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Mining.Deadlines;
using ObligationTracker.Core.Register;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Storage.Register;

/// <summary>Writes a version's obligations over the previous version's, inside the regulation's save transaction.</summary>
/// <remarks>
/// Tracking is keyed on the obligation's store id, so keeping the id of a matched obligation is what keeps an
/// institution's status, owner, notes and evidence through a revision.
/// </remarks>
internal sealed class ObligationRevision(StoreConnection db, DbTransaction tx, string now)
{
    public ObligationDelta Apply(long regulationId, int version, IReadOnlyList<Obligation> obligations)
    {
        var old = StoredObligation.Query(db, tx, "o.regulation_id = @r AND o.active = 1", ("@r", regulationId));
        var match = VersionMatcher.Match(old.Select(o => (o.Article, o.Text)).ToList(), obligations.Select(o => (o.Article, o.Text)).ToList());
        var paired = match.Pairs.ToDictionary(p => p.New);
        int unchanged = 0, changed = 0;
        for (var j = 0; j < obligations.Count; j++)
        {
            var o = obligations[j];
            if (!paired.TryGetValue(j, out var pair))
            {
                var id = Insert(regulationId, version, o);
                if (version > 1) RecordChange(regulationId, version, id, "added", null, o.Article, null, o.Text);
                continue;
            }

            var before = old[pair.Old];
            Update(before.Id, o);
            if (pair.Kind == MatchKind.Unchanged)
            {
                unchanged++;
                if (before.Article != o.Article) RecordChange(regulationId, version, before.Id, "moved", before.Article, o.Article, before.Text, o.Text);
                continue;
            }

            changed++;
            db.Execute("UPDATE obligations SET previous_text = @p, changed_in_version = @v WHERE id = @id", tx,
                ("@p", before.Text), ("@v", version), ("@id", before.Id));
            RecordChange(regulationId, version, before.Id, "changed", before.Article, o.Article, before.Text, o.Text);
            FlagTracking(before.Id, $"第{version}版修订了本条义务的内容，请复核");
        }

        foreach (var i in match.Removed)
        {
            var gone = old[i];
            var reason = $"第{version}版删除了本条义务（原第{gone.Article}条）";
            db.Execute("UPDATE obligations SET active = 0, removed_in_version = @v, removed_reason = @why WHERE id = @id", tx,
                ("@v", version), ("@why", reason), ("@id", gone.Id));
            RecordChange(regulationId, version, gone.Id, "removed", gone.Article, null, gone.Text, null);
            CloseTracking(gone.Id, reason);
        }

        return new ObligationDelta(unchanged, changed, match.Removed.Count, match.Added.Count);
    }

    private long Insert(long regulationId, int version, Obligation o)
    {
        var id = db.InsertReturningId("""
            INSERT INTO obligations (regulation_id, obligation_key, article, seq, text, start_offset, modality, addressee_list, deadline_kind, deadline_json,
                                     references_json, active, added_in_version)
            VALUES (@r, @key, @article, @seq, @text, @start, @modality, @list, @dk, @dj, @refs, 1, @v)
            """, tx, [.. Columns(o), ("@r", regulationId), ("@v", version)]);
        WriteAddressees(id, o);
        return id;
    }

    private void Update(long id, Obligation o)
    {
        db.Execute("""
            UPDATE obligations SET obligation_key = @key, article = @article, seq = @seq, text = @text, start_offset = @start,
                   modality = @modality, addressee_list = @list, deadline_kind = @dk, deadline_json = @dj, references_json = @refs
            WHERE id = @id
            """, tx, [.. Columns(o), ("@id", id)]);
        db.Execute("DELETE FROM obligation_addressees WHERE obligation_id = @id", tx, ("@id", id));
        WriteAddressees(id, o);
    }

    private static (string, object?)[] Columns(Obligation o) =>
    [
        ("@key", o.Id), ("@article", o.Article), ("@seq", SequenceOf(o.Id)), ("@text", o.Text), ("@start", o.Start),
        ("@modality", o.Modality.ToFormatName()), ("@list", string.Join('|', o.Addressees.Order(StringComparer.Ordinal))), ("@dk", o.Deadline is { } d ? Deadline.KindName(d.Kind) : null),
        ("@dj", o.Deadline?.ToJson().ToJsonString()), ("@refs", JsonSerializer.Serialize(o.References)),
    ];

    private void WriteAddressees(long id, Obligation o)
    {
        foreach (var (type, byReference) in o.Addressees.Select(t => (t, 0)).Concat(o.ReferenceTypes.Except(o.Addressees).Select(t => (t, 1))).DistinctBy(x => x.t))
            db.Execute("INSERT INTO obligation_addressees (obligation_id, type, by_reference) VALUES (@id, @t, @b)", tx, ("@id", id), ("@t", type), ("@b", byReference));
    }

    private void RecordChange(long regulationId, int version, long obligationId, string change, int? oldArticle, int? newArticle, string? oldText, string? newText) =>
        db.Execute("""
            INSERT INTO obligation_changes (regulation_id, version, obligation_id, change, old_article, new_article, old_text, new_text)
            VALUES (@r, @v, @o, @c, @oa, @na, @ot, @nt)
            """, tx, ("@r", regulationId), ("@v", version), ("@o", obligationId), ("@c", change), ("@oa", oldArticle), ("@na", newArticle),
            ("@ot", oldText), ("@nt", newText));

    private void FlagTracking(long obligationId, string note)
    {
        foreach (var t in TrackingRows(obligationId))
        {
            db.Execute("UPDATE tracking SET review_required = 1, review_note = @n, updated_at = @at, updated_by = @by WHERE institution_id = @i AND obligation_id = @o", tx,
                ("@n", note), ("@at", now), ("@by", RegulationStore.IngestActor), ("@i", t.Institution), ("@o", obligationId));
            TrackingStore.AppendHistory(db, tx, t.Institution, obligationId, now, RegulationStore.IngestActor, TrackingFields.Review, t.Review, note);
        }
    }

    private void CloseTracking(long obligationId, string reason)
    {
        var closed = TrackingStatus.Closed.Label();
        foreach (var t in TrackingRows(obligationId))
        {
            db.Execute("UPDATE tracking SET status = @s, reason = @why, updated_at = @at, updated_by = @by WHERE institution_id = @i AND obligation_id = @o", tx,
                ("@s", closed), ("@why", reason), ("@at", now), ("@by", RegulationStore.IngestActor), ("@i", t.Institution), ("@o", obligationId));
            TrackingStore.AppendHistory(db, tx, t.Institution, obligationId, now, RegulationStore.IngestActor, TrackingFields.Status, t.Status, closed);
            TrackingStore.AppendHistory(db, tx, t.Institution, obligationId, now, RegulationStore.IngestActor, TrackingFields.Reason, t.Reason, reason);
        }
    }

    private List<(long Institution, string Status, string? Reason, string? Review)> TrackingRows(long obligationId) =>
        db.Query("SELECT institution_id, status, reason, review_note FROM tracking WHERE obligation_id = @o" + db.Dialect.ForUpdate, tx,
            r => (Read.Long(r, 0), r.GetString(1), Read.Text(r, 2), Read.Text(r, 3)), ("@o", obligationId));

    private static int SequenceOf(string id)
    {
        var dot = id.LastIndexOf('.');
        return dot >= 0 && int.TryParse(id.AsSpan(dot + 1), out var n) ? n : 0;
    }
}
