using System.Data.Common;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Storage.Register;

/// <summary>An obligation as stored: stable id across versions, current text, and what revisions did to it.</summary>
/// <param name="Id">Store id; tracking hangs on it, and it survives revisions that keep or reword the provision.</param>
/// <param name="Key">The miner's id in the current version (<c>doc#article.sequence</c>); changes with renumbering.</param>
/// <param name="Addressees">Canonical types bound directly.</param>
/// <param name="ReferenceTypes">Types bound by reference only (参照本办法执行).</param>
/// <param name="DeadlineJson">FORMAT.md's deadline object, or null.</param>
/// <param name="PreviousText">The text before the last revision that reworded it.</param>
/// <param name="RemovedReason">Why it no longer binds (removed by a revision); null while active.</param>
public sealed record StoredObligation(
    long Id,
    long RegulationId,
    string Key,
    int Article,
    int Sequence,
    string Text,
    int Start,
    string Modality,
    IReadOnlyList<string> Addressees,
    IReadOnlyList<string> ReferenceTypes,
    string? DeadlineKind,
    string? DeadlineJson,
    bool Active,
    int AddedInVersion,
    int? ChangedInVersion,
    string? PreviousText,
    string? RemovedReason)
{
    internal static List<StoredObligation> Query(StoreConnection db, DbTransaction? tx, string where, params (string, object?)[] parameters)
    {
        var rows = db.Query($"""
            SELECT o.id, o.regulation_id, o.obligation_key, o.article, o.seq, o.text, o.start_offset, o.modality, o.deadline_kind,
                   o.deadline_json, o.active, o.added_in_version, o.changed_in_version, o.previous_text, o.removed_reason
            FROM obligations o WHERE {where} ORDER BY o.article, o.seq, o.id
            """, tx, r => new StoredObligation(
                Read.Long(r, 0), Read.Long(r, 1), r.GetString(2), Read.Int(r, 3), Read.Int(r, 4), r.GetString(5), Read.Int(r, 6), r.GetString(7),
                [], [], Read.Text(r, 8), Read.Text(r, 9), Read.Flag(r, 10), Read.Int(r, 11), Read.IntOrNull(r, 12), Read.Text(r, 13), Read.Text(r, 14)),
            parameters);
        if (rows.Count == 0) return rows;
        var types = db.Query($"""
            SELECT a.obligation_id, a.type, a.by_reference FROM obligation_addressees a JOIN obligations o ON o.id = a.obligation_id
            WHERE {where} ORDER BY a.obligation_id, a.by_reference, a.type
            """, tx, r => (Id: Read.Long(r, 0), Type: r.GetString(1), ByReference: Read.Flag(r, 2)), parameters)
            .ToLookup(t => t.Id);
        return rows.Select(o => o with
        {
            Addressees = types[o.Id].Where(t => !t.ByReference).Select(t => t.Type).ToList(),
            ReferenceTypes = types[o.Id].Where(t => t.ByReference).Select(t => t.Type).ToList(),
        }).ToList();
    }
}
